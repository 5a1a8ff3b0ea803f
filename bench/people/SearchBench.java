import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import java.util.EnumSet;
import java.util.UUID;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.common.PageRequest;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonQuery;
import org.habeas.people.SearchResults;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Name search at scale, single client: latency (p50/p95/p99) and top-5 recall per query class through the HTTP
 * API; the same search called in this JVM (PeopleService.search on the server's database, in a Habeas attached to
 * it: no HTTP, no security filters; its journal entry rolled back); the bare SQL of it (the very statements that
 * call sent, recorded through the application's DataSource and replayed over plain JDBC: bench/lib/BareSql.java);
 * and the naive design (one GIN trigram index over the whole normalised name).
 * Usage: SearchBench BASE_URL TOKEN JDBC_URL SAMPLE_FILE QUERIES all|habeas|bare|naive [SERVER_DATA_DIR]
 * (the server's data directory for every mode but naive: BareSql.attach signs with its journal key)
 */
public class SearchBench {

    record Query(String kind, String text, Integer year, String target) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String url = args[2];
        List<String[]> sample = Files.readAllLines(Path.of(args[3])).stream().map(l -> l.split("\\|", -1)).toList();
        int perKind = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        String only = args.length > 5 ? args[5] : "all";
        List<Query> queries = queries(sample, perKind);
        var http = HttpClient.newHttpClient();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            if (!only.equals("naive")) {
                ConfigurableApplicationContext app = BareSql.attach(url, Path.of(args[6]));
                if (!only.equals("bare")) {
                    warmUp(http, base, token, queries);
                }
                var officer = new HabeasUser(UUID.randomUUID(), "bench-officer", "Bench Officer",
                        EnumSet.of(Role.LEGAL, Role.INTAKE), Set.of(), true, false, null);
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
                var search = new InProcess(app.getBean(PeopleService.class), BareSql.of(app),
                        new TransactionTemplate(app.getBean(PlatformTransactionManager.class)));
                // Each class twice through the API, then once in process and once as bare SQL, each pass on its own
                // so neither warms the cache for the other within a query.
                for (String kind : KINDS) {
                    List<Query> these = queries.stream().filter(q -> q.kind().equals(kind)).toList();
                    for (int pass = 1; pass <= (only.equals("bare") ? 0 : 2); pass++) {
                        long[] api = new long[these.size()];
                        int found = 0;
                        for (int i = 0; i < these.size(); i++) {
                            Query q = these.get(i);
                            long t0 = System.nanoTime();
                            String body = search(http, base, token, q);
                            api[i] = System.nanoTime() - t0;
                            if (body.contains(q.target())) {
                                found++;
                            }
                        }
                        report("habeas API  " + kind + " #" + pass, api, found, these.size());
                    }
                    // What each search sends, recorded (not timed) from one call of it.
                    List<BareSql.Recording> sent = these.stream().map(search::record).toList();
                    long[] inProcess = new long[these.size()];
                    int found = 0;
                    for (int i = 0; i < these.size(); i++) {
                        long t1 = System.nanoTime();
                        if (search.finds(these.get(i))) {
                            found++;
                        }
                        inProcess[i] = System.nanoTime() - t1;
                    }
                    long[] bare = new long[these.size()];
                    var statements = new BareSql.Totals();
                    for (int i = 0; i < these.size(); i++) {
                        long t1 = System.nanoTime();
                        long[] each = search.bare.replay(sent.get(i));
                        bare[i] = System.nanoTime() - t1;
                        statements.add(sent.get(i), each);
                    }
                    report("bare SQL    " + kind, bare, -1, these.size());
                    var steps = new StringBuilder("  SQL by statement (mean ms over the queries sending it, runs):");
                    statements.byLabel().forEach((label, total) -> steps.append(String.format(" %s %.1f (%d);",
                            label, total[0] / 1e6 / total[1], total[1])));
                    System.out.println(steps);
                    report("in-process  " + kind, inProcess, found, these.size());
                }
                app.close();
            }
            if (only.equals("all") || only.equals("naive")) {
                naive(c, queries);
            }
        }
    }

    static String search(HttpClient http, String base, String token, Query q) throws Exception {
        String uri = base + "/api/people?size=5&q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)
                + (q.year() == null ? "" : "&birthYear=" + q.year());
        var response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void warmUp(HttpClient http, String base, String token, List<Query> queries) throws Exception {
        for (int i = 0; i < Math.min(100, queries.size()); i++) {
            search(http, base, token, queries.get((i * 7) % queries.size()));
        }
    }

    /** PeopleService.search called in this JVM, as GET /api/people calls it, in a rolled-back transaction. */
    record InProcess(PeopleService people, BareSql bare, TransactionTemplate transaction) {

        SearchResults search(Query q) {
            var query = new PersonQuery(q.text(), null, null, q.year(), null, null);
            return transaction.execute(status -> {
                status.setRollbackOnly();   // its PEOPLE_SEARCHED entry: not left in the server's journal
                return people.search(query, new PageRequest(0, 5));
            });
        }

        boolean finds(Query q) {
            return search(q).items().stream().limit(5).anyMatch(m -> m.person().id().toString().equals(q.target()));
        }

        BareSql.Recording record(Query q) {
            return bare.record(() -> search(q));
        }
    }

    static void naive(Connection c, List<Query> queries) throws Exception {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE person ADD COLUMN IF NOT EXISTS naive_name text");
            s.execute("UPDATE person SET naive_name = lower(unaccent(full_name)) WHERE naive_name IS NULL");
            s.execute("CREATE INDEX IF NOT EXISTS person_naive_trgm ON person USING gin (naive_name gin_trgm_ops)");
            s.execute("ANALYZE person");
        }
        System.out.printf("naive: column + GIN trigram index built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String sql = """
                SELECT id FROM person
                 WHERE naive_name %% lower(unaccent(?)) %s
                 ORDER BY similarity(naive_name, lower(unaccent(?))) DESC LIMIT 5
                """;
        for (String kind : KINDS) {
            // Fewer queries than for Habeas: the naive design takes up to a second per common name.
            List<Query> these = queries.stream().filter(q -> q.kind().equals(kind)).limit(60).toList();
            long[] times = new long[these.size()];
            int found = 0;
            for (int i = 0; i < these.size(); i++) {
                Query q = these.get(i);
                String statement = sql.formatted(q.year() == null ? "" : "AND birth_years @> ARRAY[?]");
                long t1 = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement(statement)) {
                    int p = 1;
                    s.setString(p++, q.text());
                    if (q.year() != null) {
                        s.setArray(p++, c.createArrayOf("integer", new Integer[] {q.year()}));
                    }
                    s.setString(p, q.text());
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString(1).equals(q.target())) {
                                found++;
                            }
                        }
                    }
                }
                times[i] = System.nanoTime() - t1;
            }
            report("naive trgm  " + kind, times, found, these.size());
        }
    }

    static void report(String label, long[] nanos, int found, int total) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-26s n=%4d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%s%n", label, total,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                found < 0 ? "" : String.format("  top-5 recall %5.1f %%", 100.0 * found / total));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static final List<String> KINDS = List.of("typo", "common", "common-short", "partial", "partial+year");
    static final Set<String> COMMON = Set.of("Hernández", "López", "Martínez", "García", "Rodríguez");
    static final Set<String> COMMON_GIVEN = Set.of("José", "Juan", "Carlos", "Luis", "Jorge", "María", "Ana");

    static List<Query> queries(List<String[]> sample, int perKind) {
        var random = new Random(17);
        List<Query> out = new ArrayList<>();
        List<String[]> shuffled = new ArrayList<>(sample);
        Collections.shuffle(shuffled, random);
        int typo = 0, common = 0, commonShort = 0, partial = 0, partialYear = 0;
        for (String[] s : shuffled) {
            String id = s[0];
            String given = s[1];
            String first = s[2];
            String second = s[3];
            Integer year = s[6].isEmpty() ? null : Integer.valueOf(s[4]);
            String full = given + " " + first + (second.isEmpty() ? "" : " " + second);
            if (typo < perKind) {
                out.add(new Query("typo", typoOf(full, random), null, id));
                typo++;
            }
            if (common < perKind && COMMON.contains(first)) {
                out.add(new Query("common", full, null, id));
                common++;
            }
            String firstGiven = given.split(" ")[0];
            // "José Hernández": tens of thousands of namesakes; recall is a lottery, the latency is the point.
            if (commonShort < perKind && COMMON.contains(first) && COMMON_GIVEN.contains(firstGiven)) {
                out.add(new Query("common-short", firstGiven + " " + first, null, id));
                commonShort++;
            }
            if (partial < perKind) {
                out.add(new Query("partial", firstGiven + " " + first, null, id));
                partial++;
            }
            if (partialYear < perKind && year != null) {
                out.add(new Query("partial+year", firstGiven + " " + first, year, id));
                partialYear++;
            }
        }
        return out;
    }

    // Accents dropped, surnames first half of the time, and one typo (swap, drop or change a letter) in one part.
    static String typoOf(String full, Random random) {
        String plain = java.text.Normalizer.normalize(full, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        List<String> parts = new ArrayList<>(List.of(plain.split(" ")));
        int at = random.nextInt(parts.size());
        String w = parts.get(at);
        if (w.length() >= 5) {
            int k = 1 + random.nextInt(w.length() - 2);
            w = switch (random.nextInt(3)) {
                case 0 -> w.substring(0, k) + w.charAt(k + 1) + w.charAt(k) + w.substring(k + 2);
                case 1 -> w.substring(0, k) + w.substring(k + 1);
                default -> w.substring(0, k) + "aeioun".charAt(random.nextInt(6)) + w.substring(k + 1);
            };
            parts.set(at, w);
        }
        if (random.nextBoolean() && parts.size() >= 3) {
            List<String> swapped = new ArrayList<>(parts.subList(parts.size() - 2, parts.size()));
            swapped.addAll(parts.subList(0, parts.size() - 2));
            parts = swapped;
        }
        return String.join(" ", parts);
    }
}
