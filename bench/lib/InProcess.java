import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.habeas.HabeasApplication;
import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How the in-process benchmarks run: the application (with {@link BareSql}'s recorder) on a temporary data
 * directory, no HTTP, the calls made as a signed-in officer with the given roles; then the context closed, the total
 * time printed and the directory deleted.
 */
public final class InProcess {

    /** What a benchmark does with the running application. */
    public interface Body {
        void run(ConfigurableApplicationContext context) throws Exception;
    }

    private InProcess() {
    }

    public static void run(String name, Set<Role> roles, Body body) throws Exception {
        Path data = Files.createTempDirectory("habeas-" + name + "-bench-");
        long started = System.nanoTime();
        ConfigurableApplicationContext context = BareSql.install(new SpringApplication(HabeasApplication.class)).run(
                "--habeas.data-dir=" + data, "--habeas.admin-password=" + name + "-bench-root-secret",
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            var user = new HabeasUser(UUID.randomUUID(), "bench-officer", "Bench Officer", EnumSet.copyOf(roles),
                    Set.of(), true, false, null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            body.run(context);
        } finally {
            context.close();
            System.out.printf("total %.0f s%n", (System.nanoTime() - started) / 1e9);
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
