import java.io.BufferedWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.habeas.people.Alias;
import org.habeas.people.Birth;
import org.habeas.people.Identity;
import org.habeas.people.PersonName;
import org.habeas.people.SearchColumns;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Generates N synthetic people (Salvadoran and Venezuelan naming, aliases, documents, nationalities) and loads them
 * with COPY into the tables Flyway made, with the search keys PeopleService derives (SearchColumns). The GIN
 * indexes are dropped during the load and rebuilt after, both timed. Writes a sample of every 1000th person for
 * the search benchmark. Usage: LoadPeople JDBC_URL COUNT SAMPLE_FILE
 */
public class LoadPeople {

    static final int BATCH = 20_000;
    // When the loaded people were registered (registered_at below): dates an estimated age, as for a registration.
    static final Instant REGISTERED = Instant.parse("2025-03-15T00:00:00Z");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        Path sampleFile = Path.of(args[2]);
        var names = new Names(20250315L);
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(true);
            var copy = new CopyManager(c.unwrap(BaseConnection.class));
            List<String> indexes = new ArrayList<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'person' AND indexdef LIKE '%gin%'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String def : indexes) {
                    s.execute("DROP INDEX " + def.split(" ")[2]);
                }
            }
            long t0 = System.nanoTime();
            Map<String, String> vocabulary = new TreeMap<>();   // token -> its sound key
            try (BufferedWriter sample = Files.newBufferedWriter(sampleFile)) {
                for (int from = 0; from < count; from += BATCH) {
                    var people = new StringBuilder();
                    var nationalities = new StringBuilder();
                    var documents = new StringBuilder();
                    var aliases = new StringBuilder();
                    for (int i = from; i < Math.min(count, from + BATCH); i++) {
                        row(i, names, people, nationalities, documents, aliases, vocabulary, sample);
                    }
                    copy.copyIn("COPY person (id, register_number, given_names, first_family_name, second_family_name,"
                            + " full_name, birth_precision, birth_date, estimated_age, recorded_sex, interpreter_needed,"
                            + " identity_status, revision, registered_at, updated_at, search_tokens, search_pairs,"
                            + " search_names, birth_years, duplicate_keys) FROM STDIN", reader(people));
                    copy.copyIn("COPY person_nationality (id, person_id, country, determined_from, added_revision)"
                            + " FROM STDIN", reader(nationalities));
                    copy.copyIn("COPY person_document (id, person_id, type, issuer, number, number_key, expires_on,"
                            + " added_revision) FROM STDIN", reader(documents));
                    copy.copyIn("COPY person_alias (id, person_id, kind, name, added_revision) FROM STDIN",
                            reader(aliases));
                }
            }
            long t1 = System.nanoTime();
            try (var insert = c.prepareStatement(
                    "INSERT INTO name_token (token, phonetic) VALUES (?, ?) ON CONFLICT (token) DO NOTHING")) {
                for (var token : vocabulary.entrySet()) {
                    insert.setString(1, token.getKey());
                    insert.setString(2, token.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('person_register_seq', " + count + ")");
                for (String def : indexes) {
                    s.execute(def);
                }
            }
            long t2 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("""
                        UPDATE name_token t SET frequency = c.n
                          FROM (SELECT token, count(*) AS n FROM person, unnest(search_tokens) AS token
                                 WHERE merged_into IS NULL GROUP BY token) c
                         WHERE t.token = c.token""");
                s.execute("VACUUM ANALYZE person");
                s.execute("VACUUM ANALYZE person_nationality");
                s.execute("VACUUM ANALYZE person_document");
                s.execute("VACUUM ANALYZE name_token");
            }
            long t3 = System.nanoTime();
            System.out.printf("loaded %,d people: copy %.1f s, vocabulary %,d tokens + GIN indexes %.1f s,"
                            + " statistics and analyze %.1f s, total %.1f s%n", count, (t1 - t0) / 1e9,
                    vocabulary.size(), (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
        }
    }

    private static Reader reader(StringBuilder rows) {
        return new StringReader(rows.toString());
    }

    static void row(int i, Names names, StringBuilder people, StringBuilder nationalities, StringBuilder documents,
                    StringBuilder aliases, Map<String, String> vocabulary, BufferedWriter sample) throws Exception {
        var r = names.random();
        boolean female = r.nextInt(100) < 12;
        boolean salvadoran = r.nextBoolean();
        String given = names.given(female) + (r.nextInt(100) < 85 ? " " + names.given(female) : "");
        String first = names.surname();
        String second = r.nextInt(100) < 95 ? names.surname() : null;
        String full = given + " " + first + (second == null ? "" : " " + second);
        UUID id = UUID.randomUUID();
        int y = 1950 + r.nextInt(57);
        LocalDate date = LocalDate.of(y, 1 + r.nextInt(12), 1 + r.nextInt(28));
        int p = r.nextInt(100);
        String precision = p < 80 ? "FULL" : p < 90 ? "YEAR" : p < 95 ? "YEAR_MONTH" : "UNKNOWN";
        LocalDate stored = switch (precision) {
            case "FULL" -> date;
            case "YEAR" -> LocalDate.of(y, 1, 1);
            case "YEAR_MONTH" -> date.withDayOfMonth(1);
            default -> null;
        };
        Integer age = stored == null ? 2025 - y : null;
        String alias = null;
        if (r.nextInt(100) < 8) {
            alias = r.nextBoolean() ? names.nickname() : names.given(female) + " " + first;
            aliases.append(UUID.randomUUID()).append('\t').append(id).append('\t')
                    .append(alias.startsWith("El ") || alias.startsWith("La ") ? "KNOWN_AS" : "ALIAS").append('\t')
                    .append(alias).append("\t1\n");
        }
        // The search columns exactly as a registration of this identity would store them.
        var identity = new Identity(new PersonName(given, first, second, full),
                alias == null ? List.of() : List.of(new Alias(Alias.Kind.ALIAS, alias)),
                new Birth(Birth.Precision.valueOf(precision), stored, age), null, null, null, null, null, null, false,
                null, null);
        SearchColumns keys = SearchColumns.of(identity, REGISTERED);
        for (int k = 0; k < keys.tokens().size(); k++) {
            vocabulary.put(keys.tokens().get(k), keys.phonetics().get(k));
        }
        people.append(id).append('\t').append("HAB-2025-").append(String.format("%07d", i + 1)).append('\t')
                .append(given).append('\t').append(first).append('\t').append(second == null ? "\\N" : second).append('\t')
                .append(full).append('\t').append(precision).append('\t').append(stored == null ? "\\N" : stored)
                .append('\t').append(age == null ? "\\N" : age).append('\t').append(female ? "FEMALE" : "MALE")
                .append('\t').append(r.nextInt(10) == 0 ? "t" : "f").append('\t').append("UNVERIFIED").append('\t')
                .append("1\t2025-03-15 00:00:00+00\t2025-03-15 00:00:00+00\t").append(array(keys.tokens())).append('\t')
                .append(array(keys.pairs())).append('\t').append(keys.names()).append('\t')
                .append(array(keys.birthYears().stream().map(String::valueOf).toList())).append('\t')
                .append(array(keys.duplicateKeys()))
                .append('\n');
        String country = salvadoran ? "SV" : "VE";
        nationalities.append(UUID.randomUUID()).append('\t').append(id).append('\t').append(country).append('\t')
                .append(r.nextBoolean() ? "PASSPORT" : "SELF_DECLARED").append("\t1\n");
        if (r.nextInt(100) < 65) {
            String number = salvadoran ? String.format("%08d-%d", i, i % 10) : String.format("V-%09d", i);
            documents.append(UUID.randomUUID()).append('\t').append(id).append("\tNATIONAL_ID\t").append(country)
                    .append('\t').append(number).append('\t').append(number.replaceAll("[^A-Z0-9]", ""))
                    .append("\t\\N\t1\n");
        }
        if (r.nextInt(100) < 30) {
            String number = String.format("%s%08d", salvadoran ? "B" : "P", i);
            documents.append(UUID.randomUUID()).append('\t').append(id).append("\tPASSPORT\t").append(country)
                    .append('\t').append(number).append('\t').append(number).append('\t').append("2030-01-01")
                    .append("\t1\n");
        }
        if (r.nextInt(100) < 30) {
            String number = String.format("A%09d", 200_000_000 + i);
            documents.append(UUID.randomUUID()).append('\t').append(id).append("\tFOREIGN_AGENCY_NUMBER\tUS-DHS\t")
                    .append(number).append('\t').append(number).append("\t\\N\t1\n");
        }
        if (i % 1000 == 7) {
            sample.write(String.join("|", id.toString(), given, first, second == null ? "" : second,
                    Integer.toString(y), country, stored == null ? "" : precision));
            sample.newLine();
        }
    }

    private static String array(java.util.Collection<String> values) {
        var out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v).append('"');
        }
        return out.append('}').toString();
    }
}
