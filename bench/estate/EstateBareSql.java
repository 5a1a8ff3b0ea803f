import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.estate.EstateService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bare SQL of the estate benchmark's two reports, after EstateBench has timed them over HTTP (run.sh): starts
 * Habeas in this JVM on the server's database (BareSql.attach), records the statements EstateService.facilities()
 * (GET /api/facilities) and EstateService.occupancy(PREFIX0) (GET /api/facilities/PREFIX0/occupancy) send, and
 * replays each over plain JDBC, 20 times to warm up and then N times, one connection and transaction per report.
 * Usage: EstateBareSql JDBC_URL SERVER_DATA_DIR PREFIX N
 */
public class EstateBareSql {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path serverData = Path.of(args[1]);
        String facility = args[2] + "0";
        int n = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext context = BareSql.attach(url, serverData)) {
            var user = new HabeasUser(UUID.randomUUID(), "bench-admin", "Bench", EnumSet.allOf(Role.class), Set.of(),
                    true, false, null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            BareSql bare = BareSql.of(context);
            EstateService estate = context.getBean(EstateService.class);
            time("estate", bare, bare.record(estate::facilities), n);
            time("levels", bare, bare.record(() -> estate.occupancy(facility)), n);
        }
    }

    static void time(String report, BareSql bare, BareSql.Recording sql, int n) {
        for (int i = 0; i < 20; i++) {
            bare.replay(sql);
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            bare.replay(sql);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("bare SQL %-7s n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms  (%d statements: %s)%n", report, n,
                at(nanos, 0.5), at(nanos, 0.95), at(nanos, 0.99), sql.size(), String.join(", ", sql.labels()));
    }

    static double at(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) (sorted.length * p) - 1))] / 1e6;
    }
}
