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

import org.habeas.people.PeopleService;
import org.habeas.people.internal.CandidateSearch;
import org.habeas.people.internal.NameKeys;
import org.habeas.people.internal.NameSearch;
import org.habeas.people.internal.PeopleRepository;
import org.habeas.people.internal.PeopleRepository.Candidate;
import org.habeas.people.internal.PeopleRepository.Filter;
import org.habeas.people.internal.PeopleRepository.Variant;

/**
 * Name search at scale, single client: latency (p50/p95/p99) and top-5 recall per query class through the HTTP
 * API; the bare SQL of the same search (the very statements PeopleService sends, built by CandidateSearch and
 * PeopleRepository, over plain JDBC: no HTTP, no Spring, no journal), timed as SQL alone and with the Java
 * scoring; and the naive design (one GIN trigram index over the whole normalised name).
 * Usage: SearchBench BASE_URL TOKEN JDBC_URL SAMPLE_FILE [QUERIES] [all|habeas|bare|naive]
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
                if (!only.equals("bare")) {
                    warmUp(http, base, token, queries);
                }
                // Each class twice through the API and once as bare SQL, each pass on its own so neither warms the
                // cache for the other within a query.
                try (Statement s = c.createStatement()) {
                    // What PeopleService sets for each search transaction (PeopleRepository.planEachSearch); here
                    // once for the session, as the connection runs in autocommit.
                    s.execute(PeopleRepository.SEARCH_SETTINGS.replace("true)", "false)"));
                }
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
                    long[] bare = new long[these.size()];
                    long[] sqlOnly = new long[these.size()];
                    int found = 0;
                    for (int i = 0; i < these.size(); i++) {
                        sqlNanos = 0;
                        long t1 = System.nanoTime();
                        if (bareSql(c, these.get(i))) {
                            found++;
                        }
                        bare[i] = System.nanoTime() - t1;
                        sqlOnly[i] = sqlNanos;
                    }
                    report("bare SQL    " + kind, sqlOnly, -1, these.size());
                    var steps = new StringBuilder("  SQL by step (mean ms over the queries reaching it, runs):");
                    for (int k = 0; k < 8; k++) {
                        if (stepRuns[k] > 0) {
                            steps.append(String.format(" %s %.1f (%d)", k == 0 ? "variants" : "read" + k,
                                    stepNanos[k] / 1e6 / stepRuns[k], stepRuns[k]));
                        }
                    }
                    System.out.println(steps);
                    stepNanos = new long[8];
                    stepRuns = new int[8];
                    report("JDBC+score  " + kind, bare, found, these.size());
                }
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

    static long sqlNanos;
    // Where the SQL time of a class goes: per read of CandidateSearch (in order), total time and how many ran.
    static long[] stepNanos = new long[8];
    static int[] stepRuns = new int[8];
    static int step;

    /** The search PeopleService runs, minus HTTP, security, the nationalities of the page and the journal. */
    static boolean bareSql(Connection c, Query q) throws Exception {
        List<String> tokens = NameKeys.tokens(q.text());
        List<Variant> variants = new ArrayList<>();
        long t0 = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement(PeopleRepository.VARIANTS)) {
            s.setArray(1, c.createArrayOf("text", tokens.toArray()));
            s.setArray(2, c.createArrayOf("text", tokens.stream().map(NameKeys::phonetic).toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    variants.add(PeopleRepository.variant(rs));
                }
            }
        }
        sqlNanos += System.nanoTime() - t0;
        NameSearch plan = NameSearch.plan(tokens, variants);
        stepNanos[0] += System.nanoTime() - t0;
        stepRuns[0]++;
        step = 1;
        var ranked = CandidateSearch.rank(plan, new Filter(q.year(), null, null, null, null), 5,
                PeopleService.CANDIDATE_CAP, statement -> fetch(c, statement));
        return ranked.matches().stream().limit(5).anyMatch(m -> m.person().id().toString().equals(q.target()));
    }

    static List<Candidate> fetch(Connection c, PeopleRepository.Statement statement) {
        long t0 = System.nanoTime();
        List<Candidate> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.params().size(); i++) {
                Object p = statement.params().get(i);
                if (p instanceof String[] array && !Boolean.getBoolean("bindAsObject")) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(PeopleRepository.candidate(rs, rows.size()));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        long took = System.nanoTime() - t0;
        sqlNanos += took;
        stepNanos[Math.min(step, 7)] += took;
        stepRuns[Math.min(step, 7)]++;
        step++;
        return rows;
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
