import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.habeas.access.Role;
import org.habeas.estate.EstateService;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.NewFacility;
import org.habeas.people.PersonEnquiry;
import org.habeas.rights.LocatorAnswer;
import org.habeas.rights.LocatorService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The locator benchmark (issue: an answer's p95 at most 50 ms at 1,000,000 people). Starts the application on a
 * temporary data directory and calls the locator service directly, as the public does (nobody signed in).
 *
 * <ol>
 *   <li>PEOPLE people by bulk SQL: three-syllable synthetic names, a full birth date between 1950 and 2004 (about
 *       50 people a day), a register number and a passport each; every 25th in custody at CECOT.</li>
 *   <li>ENQUIRIES enquiries of each kind, each from a client of its own (the rate limit counts, never refuses):
 *       the full name with the birth date of someone held, the register number of someone held, the passport of
 *       someone held, and a full name with a birth date nobody has (not held). Each timed; for one in ten, the bare
 *       SQL it sent (recorded, in a transaction rolled back) replayed (bench/lib/BareSql.java).</li>
 * </ol>
 * Usage: LocatorBench [people] [enquiries]
 */
public class LocatorBench {

    static final String CECOT = "CECOT";

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int enquiries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        InProcess.run("locator", EnumSet.of(Role.DIRECTOR, Role.ADMIN), context -> {
            System.out.printf("machine: %d cores; people=%,d enquiries per kind=%,d%n",
                    Runtime.getRuntime().availableProcessors(), people, enquiries);
            new LocatorBench(context).run(people, enquiries);
        });
    }

    private final JdbcClient jdbc;
    private final LocatorService locator;
    private final EstateService estate;
    private final BareSql bare;
    private final TransactionTemplate transaction;
    private final Random random = new Random(20261207L);
    private int client;

    LocatorBench(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.locator = context.getBean(LocatorService.class);
        this.estate = context.getBean(EstateService.class);
        this.bare = BareSql.of(context);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    void run(int people, int enquiries) {
        long t = System.nanoTime();
        estate.createFacility(new NewFacility(CECOT, "Centro de Confinamiento del Terrorismo", "SV", "San Vicente",
                "Tecoluca", null, null, ZoneId.of("America/El_Salvador"), FacilityType.PRISON,
                "Dirección General de Centros Penales", "Procuraduría para la Defensa de los Derechos Humanos",
                LocalDate.of(2023, 2, 1), FacilityStatus.OPEN));
        estate.recordContact(CECOT, "Carretera a Tecoluca km 60, San Vicente", "+503 0000 0000", null,
                "Sundays 08:00 to 12:00");
        population(people);
        jdbc.sql("VACUUM (ANALYZE)").update();
        System.out.printf("setup: %,d people, %,d in custody, by bulk SQL, vacuumed, in %.1f s%n", people,
                people / 25, VettingBench.secs(t));
        SecurityContextHolder.clearContext();   // the public asks, nobody signed in

        Map<String, List<PersonEnquiry>> byKind = new TreeMap<>();
        List<Map<String, Object>> held = jdbc.sql("""
                SELECT p.full_name, p.birth_date, p.register_number, d.number
                  FROM person p JOIN person_document d ON d.person_id = p.id
                  JOIN whereabouts w ON w.person_id = p.id
                 ORDER BY md5(p.id::text) LIMIT :n""").param("n", enquiries).query().listOfRows();
        for (Map<String, Object> h : held) {
            byKind.computeIfAbsent("1 name and birth date, held", k -> new ArrayList<>()).add(
                    new PersonEnquiry.ByNameAndBirth((String) h.get("full_name"), ((java.sql.Date) h.get("birth_date"))
                            .toLocalDate()));
            byKind.computeIfAbsent("2 register number, held", k -> new ArrayList<>()).add(
                    new PersonEnquiry.ByRegisterNumber((String) h.get("register_number")));
            byKind.computeIfAbsent("3 passport number, held", k -> new ArrayList<>()).add(
                    new PersonEnquiry.ByDocument((String) h.get("number"), "SV"));
            byKind.computeIfAbsent("4 name and birth date, nobody", k -> new ArrayList<>()).add(
                    new PersonEnquiry.ByNameAndBirth("Nadie " + h.get("full_name"), LocalDate.of(1950, 1, 1)
                            .plusDays(random.nextInt(20_000))));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (PersonEnquiry warm : byKind.values().iterator().next().subList(0, Math.min(200, held.size()))) {
            locator.enquire(warm, nextClient());
        }
        for (var kind : byKind.entrySet()) {
            List<PersonEnquiry> asked = kind.getValue();
            long[] nanos = new long[asked.size()];
            List<Long> bareNanos = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                PersonEnquiry enquiry = asked.get(i);
                long s = System.nanoTime();
                LocatorAnswer answer = locator.enquire(enquiry, nextClient());
                nanos[i] = System.nanoTime() - s;
                outcomes.merge(kind.getKey().substring(2) + " -> " + answer.outcome(), 1, Integer::sum);
                if (i % 10 == 0) {
                    String address = nextClient();
                    BareSql.Recording sent = bare.record(() -> transaction.executeWithoutResult(status -> {
                        locator.enquire(enquiry, address);
                        status.setRollbackOnly();
                    }));
                    s = System.nanoTime();
                    bare.replay(sent);
                    bareNanos.add(System.nanoTime() - s);
                }
            }
            VettingBench.report(kind.getKey().substring(2), nanos);
            VettingBench.report("  its bare SQL", bareNanos.stream().mapToLong(Long::longValue).toArray());
        }
        System.out.println("outcomes: " + outcomes);
    }

    // A client of its own per enquiry: the limit is counted for each, and never reached.
    String nextClient() {
        client++;
        return "10." + (client >> 16 & 255) + "." + (client >> 8 & 255) + "." + (client & 255);
    }

    /** {@code count} people with full birth dates, register numbers and passports; every 25th held at CECOT. */
    void population(int count) {
        jdbc.sql("""
                CREATE TEMPORARY TABLE bench_name AS
                SELECT i, decode(md5('name' || i), 'hex') AS h
                  FROM generate_series(1, :n) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO person (id, register_number, given_names, first_family_name, second_family_name,
                       full_name, birth_precision, birth_date, recorded_sex, interpreter_needed, identity_status,
                       revision, registered_at, updated_at)
                SELECT md5('person' || i)::uuid, 'BENCH-2025-' || lpad(i::text, 7, '0'), g, f1, f2,
                       g || ' ' || f1 || ' ' || f2, 'FULL',
                       DATE '1950-01-01' + (get_byte(h, 9) * 256 + get_byte(h, 10)) % 20000, 'MALE', false,
                       'UNVERIFIED', 1, now(), now()
                  FROM (SELECT i, h,
                               initcap(s[1 + get_byte(h, 0) % 18] || s[1 + get_byte(h, 1) % 18]
                                       || s[1 + get_byte(h, 2) % 18]) AS g,
                               initcap(s[1 + get_byte(h, 3) % 18] || s[1 + get_byte(h, 4) % 18]
                                       || s[1 + get_byte(h, 5) % 18]) AS f1,
                               initcap(s[1 + get_byte(h, 6) % 18] || s[1 + get_byte(h, 7) % 18]
                                       || s[1 + get_byte(h, 8) % 18]) AS f2
                          FROM bench_name,
                               (SELECT ARRAY['ka','lo','mu','ri','te','va','zo','pe','qui','sa','no','de','bu',
                                             'fi','ga','ju','xo','ye'] AS s) syllables) named""").update();
        jdbc.sql("""
                INSERT INTO person_document (id, person_id, type, issuer, number, number_key, added_revision)
                SELECT md5('document' || i)::uuid, md5('person' || i)::uuid, 'PASSPORT', 'SV', 'P' || i, 'P' || i, 1
                  FROM generate_series(1, :n) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile,
                       authority_type, issuing_authority, authority_date, authority_reference, admitted_at,
                       admitted_by)
                SELECT md5('episode' || i)::uuid, md5('person' || i)::uuid, 'CECOT', 'PRE_TRIAL', 'MALE', false,
                       'DETENTION_ORDER', 'Juzgado Especializado de Instrucción', DATE '2025-03-20', 'JEI-B' || i,
                       now() - interval '30 days', 'bench-loader'
                  FROM generate_series(25, :n, 25) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                       facility_code, actor, particulars)
                SELECT md5('admitted' || i)::uuid, md5('person' || i)::uuid, md5('episode' || i)::uuid, 'ADMITTED',
                       now() - interval '30 days', now() - interval '30 days', 'RECEPTION', 'CECOT', 'bench-loader',
                       '{}'::jsonb
                  FROM generate_series(25, :n, 25) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, since, last_movement, version)
                SELECT md5('person' || i)::uuid, md5('episode' || i)::uuid, 'RECEPTION', 'CECOT',
                       now() - interval '30 days', md5('admitted' || i)::uuid, 1
                  FROM generate_series(25, :n, 25) i""").param("n", count).update();
        jdbc.sql("DROP TABLE bench_name").update();
    }
}
