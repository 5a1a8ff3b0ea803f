import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.habeas.access.Role;
import org.habeas.custody.Admission;
import org.habeas.custody.AdmissionResult;
import org.habeas.custody.Arrest;
import org.habeas.custody.AuthorityType;
import org.habeas.custody.ConsistencyReport;
import org.habeas.custody.Contact;
import org.habeas.custody.CustodyService;
import org.habeas.custody.LegalAuthority;
import org.habeas.custody.LegalStatus;
import org.habeas.custody.MoveCommand;
import org.habeas.custody.MovementKind;
import org.habeas.custody.PropertyItem;
import org.habeas.custody.roll.FacilityRoll;
import org.habeas.custody.roll.RollCall;
import org.habeas.estate.EstateService;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.Layout;
import org.habeas.estate.Location;
import org.habeas.estate.LocationKind;
import org.habeas.estate.NewFacility;
import org.habeas.people.PersonId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody benchmark: starts the application on a temporary data directory and calls the services
 * directly, as a signed-in officer holding every role it needs.
 *
 * <ol>
 *   <li>Builds CECOT: 8 modules x 32 cells (certified normal 80, operational = maximum = 156, 100 m2).</li>
 *   <li>Registers POPULATION synthetic people by direct SQL (setup only: person, its REGISTERED revision and the
 *       facility link; no search keys), then admits ADMISSIONS of them through CustodyService.admitAll in batches of
 *       500 with every rule and the journal (timed), against the bare SQL of the same rows in a rolled-back
 *       transaction (five plain inserts per person, and the statements admitAll itself sends, recorded and
 *       replayed); then places them in cells through CustodyService.move (timed).</li>
 *   <li>Adds 8 modules (16 x 32 x 156 = 79,872 places) and loads the rest of the population by bulk SQL
 *       (episode, ADMITTED and PLACED movements, whereabouts, cell occupancy; setup, not journaled), then times
 *       RollCall.now against its bare SQL.</li>
 *   <li>Synthesizes one earlier, ended custody episode per person with MOVEMENTS movements in all (ADMITTED, PLACED,
 *       MOVED round the cells, RELEASED; times strictly increasing per person, before the current episode), then
 *       times RollCall.at for past instants against the bare SQL, and runs RollCall.check().</li>
 * </ol>
 * The first SYNCED admissions run with PostgreSQL's default synchronous_commit = on (one WAL flush per admission,
 * since each admission is its own transaction); the rest with synchronous_commit = off, to show how much of an
 * admission is the flush of its commit on this machine's disk. Placements run after, also with it off.
 *
 * <p>"Bare SQL" of a service call is the statements that very call sent, recorded through the application's own
 * DataSource and replayed over plain JDBC on one connection, rolled back (bench/lib/BareSql.java): no copy of a
 * repository's SQL is kept here, so it cannot drift from what Habeas runs.
 * Usage: CustodyBench [admissions] [population] [movements] [runs] [synced]
 */
public class CustodyBench {

    static final String CECOT = "CECOT";
    static final ZoneId SAN_VICENTE = ZoneId.of("America/El_Salvador");
    static final int CELLS_PER_MODULE = 32;
    static final int PLACES = 156;
    static final int BATCH = 500;

    // The benchmark's own brute-force replay of the whole ledger (what the roll at an instant ran before
    // checkpoints): an independent reckoning of the roll at an instant, printed beside the service's and timed as
    // the cost checkpoints save. Not a statement Habeas runs now, so not "the bare SQL" of anything.
    static final String AT = """
            SELECT s.to_state AS state, s.to_location AS location_id, s.facility_code, s.destination,
                   count(*) AS people
              FROM (SELECT DISTINCT person_id FROM movement
                     WHERE (facility_code = :facility OR destination = :facility) AND occurred_at <= :at) p
             CROSS JOIN LATERAL (
                   SELECT m.to_state, m.to_location, m.facility_code, m.destination
                     FROM movement m
                    WHERE m.person_id = p.person_id AND m.occurred_at <= :at
                    ORDER BY m.occurred_at DESC, m.seq DESC
                    LIMIT 1) s
             WHERE s.facility_code = :facility OR (s.to_state = 'IN_TRANSIT' AND s.destination = :facility)
             GROUP BY s.to_state, s.to_location, s.facility_code, s.destination
            """;

    public static void main(String[] args) throws Exception {
        int admissions = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        int population = args.length > 1 ? Integer.parseInt(args[1]) : 80_000;
        long movements = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int synced = args.length > 4 ? Integer.parseInt(args[4]) : admissions;
        InProcess.run("custody", EnumSet.of(Role.INTAKE, Role.HOUSING, Role.DIRECTOR, Role.SUPERVISOR, Role.INSPECTOR, Role.ADMIN),
                context -> {
            System.out.printf("machine: %d cores; admissions=%,d population=%,d movements=%,d runs=%d%n",
                    Runtime.getRuntime().availableProcessors(), admissions, population, movements, runs);
            new CustodyBench(context).run(admissions, population, movements, runs, synced);
        });
    }

    private final EstateService estate;
    private final CustodyService custody;
    private final RollCall rollCall;
    private final BareSql bare;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CustodyBench(ConfigurableApplicationContext context) {
        this.estate = context.getBean(EstateService.class);
        this.custody = context.getBean(CustodyService.class);
        this.rollCall = context.getBean(RollCall.class);
        this.bare = BareSql.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    void run(int admissions, int population, long movements, int runs, int synced) {
        estate.createFacility(new NewFacility(CECOT, "Centro de Confinamiento del Terrorismo", "SV", "San Vicente",
                "Tecoluca", null, null, SAN_VICENTE, FacilityType.PRISON, "Dirección General de Centros Penales",
                "Procuraduría para la Defensa de los Derechos Humanos", LocalDate.of(2023, 2, 1), FacilityStatus.OPEN));
        estate.importLayout(CECOT, layout(8), null);

        long t = System.nanoTime();
        List<UUID> people = registerPeople(population);
        System.out.printf("setup: registered %,d synthetic people by direct SQL in %.1f s%n", population, secs(t));

        // ---- admissions through the service, in batches of 500
        List<UUID> admitted = people.subList(0, admissions);
        admit(admitted.subList(0, Math.min(synced, admissions)), "synchronous_commit on");
        if (synced < admissions) {
            synchronousCommit("off");
            admit(admitted.subList(synced, admissions), "synchronous_commit off");
        }
        bareAdmissions(people.subList(admissions, Math.min(population, 2 * admissions)));
        bareBulkAdmissions(people.subList(admissions, Math.min(population, 2 * admissions)));

        // ---- placements through the service
        List<Location> cells = cells();
        t = System.nanoTime();
        for (int i = 0; i < admitted.size(); i++) {
            custody.move(new MoveCommand(new PersonId(admitted.get(i)), MovementKind.PLACED, null,
                    cells.get(i % cells.size()).id(), null, null, null, null, null, null, null, null));
        }
        System.out.printf("move (PLACED, synchronous_commit %s): %,d placements in %.1f s = %.0f placements/s%n", synced < admissions ? "off" : "on", admitted.size(), secs(t),
                admitted.size() / secs(t));

        synchronousCommit("on");

        // ---- the expansion to 80,000 places, the rest of the population by bulk SQL
        estate.importLayout(CECOT, layout(16), null);
        t = System.nanoTime();
        bulkPopulation(admissions, population);
        System.out.printf("setup: %,d more people in custody by bulk SQL in %.1f s; whereabouts rows now %,d%n",
                population - admissions, secs(t), jdbc.sql("SELECT count(*) FROM whereabouts").query(Long.class)
                        .single());

        FacilityRoll now = rollCall.now(CECOT);
        System.out.printf("roll now: population %,d, in cells %,d, in reception %,d, modules %d%n",
                now.totals().population(), now.totals().inCells(), now.totals().inReception(), now.levels().size());
        time("RollCall.now (80,000)", runs, () -> rollCall.now(CECOT));
        // The statements one RollCall.now sends (the estate's reads of the facility's locations, the people outside
        // cells, today's arrivals and departures), recorded and replayed: the total, then each statement.
        BareSql.Recording nowSql = bare.record(() -> rollCall.now(CECOT));
        timeBare("bare SQL of the roll now", runs, nowSql, true);
        // Where the service's time goes besides its SQL: the estate's own calls, as the roll makes them.
        time("  part: EstateService.facility", runs, () -> estate.facility(CECOT));
        time("  part: EstateService.locations", runs, () -> estate.locations(CECOT));
        time("  part: arrived and left today counted from the ledger (before V52)", runs, () -> jdbc.sql("""
                SELECT count(*) FILTER (WHERE kind IN ('ADMITTED', 'ARRIVED')),
                       count(*) FILTER (WHERE kind NOT IN ('ADMITTED', 'ARRIVED'))
                  FROM movement WHERE facility_code = :facility AND occurred_at >= :from""")
                .param("facility", CECOT).param("from", OffsetDateTime.now(ZoneOffset.UTC).minusHours(12))
                .query().listOfRows());
        time("RollCall.now (80,000), again", runs, () -> rollCall.now(CECOT));

        // ---- ten million movements of history
        t = System.nanoTime();
        long history = history(population, movements);
        long ledger = jdbc.sql("SELECT count(*) FROM movement").query(Long.class).single();
        System.out.printf("setup: synthesized %,d movements of earlier episodes in %.1f s; ledger rows %,d%n",
                history, secs(t), ledger);

        Instant recent = Instant.now().minus(Duration.ofSeconds(1));
        Instant middle = jdbc.sql("SELECT min(admitted_at) + (max(ended_at) - min(admitted_at)) / 2 FROM custody_episode"
                + " WHERE ended_at IS NOT NULL").query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single()
                .toInstant();
        t = System.nanoTime();
        int days = rollCall.checkpointDays();
        System.out.printf("RollCall.checkpointDays() (the hourly job catching up on the whole history): %,d daily"
                + " checkpoints in %.1f s%n", days, secs(t));
        for (Instant at : List.of(recent, middle, middle.plus(Duration.ofHours(13)))) {
            FacilityRoll roll = rollCall.at(CECOT, at);
            int[] replayed = cellsAndReception(jdbc.sql(AT).param("facility", CECOT)
                    .param("at", at.atOffset(ZoneOffset.UTC)).query().listOfRows());
            System.out.printf("roll at %s: population %,d, in cells %,d, in reception %,d; brute-force replay: in cells"
                            + " %,d, in reception %,d%n", at, roll.totals().population(), roll.totals().inCells(),
                    roll.totals().inReception(), replayed[0], replayed[1]);
            // Recorded after the call above, which stored the day's checkpoint if it was missing: what a roll at this
            // instant sends from now on (the latest checkpoint, its rows, the movements since, the estate's reads).
            BareSql.Recording atSql = bare.record(() -> rollCall.at(CECOT, at));
            int slowest = bare.slowest(atSql);
            System.out.println("    EXPLAIN (ANALYZE, BUFFERS) of its slowest statement, " + atSql.label(slowest));
            bare.explain(atSql, slowest, "ANALYZE, BUFFERS").forEach(line -> System.out.println("    " + line));
            time("RollCall.at " + at, runs, () -> rollCall.at(CECOT, at));
            timeBare("bare SQL of the roll at (checkpoint + delta) " + at, runs, atSql, false);
            time("brute-force replay SQL of the roll at " + at, Math.max(3, runs / 10), () -> jdbc.sql(AT)
                    .param("facility", CECOT).param("at", at.atOffset(ZoneOffset.UTC)).query().listOfRows());
        }
        time("RollCall.now (after the history)", runs, () -> rollCall.now(CECOT));

        t = System.nanoTime();
        ConsistencyReport report = rollCall.check();
        System.out.printf("RollCall.check(): %s in %.1f s (%,d people in custody, %,d locations)%s%n",
                report.consistent() ? "CONSISTENT" : "INCONSISTENT", secs(t), report.peopleInCustody(),
                report.locationsChecked(), report.consistent() ? "" : " " + report.differences().subList(0,
                        Math.min(5, report.differences().size())));
    }

    /** In cells and in reception according to the brute-force replay's rows, to print beside the service's roll. */
    static int[] cellsAndReception(List<java.util.Map<String, Object>> rows) {
        int[] counts = new int[2];
        for (var row : rows) {
            int people = ((Number) row.get("people")).intValue();
            if ("IN_CELL".equals(row.get("state"))) {
                counts[0] += people;
            } else if ("RECEPTION".equals(row.get("state"))) {
                counts[1] += people;
            }
        }
        return counts;
    }

    void admit(List<UUID> people, String how) {
        if (people.isEmpty()) {
            return;
        }
        List<Double> batchRates = new ArrayList<>();
        long t = System.nanoTime();
        int refused = 0;
        for (int from = 0; from < people.size(); from += BATCH) {
            List<Admission> batch = new ArrayList<>();
            for (UUID person : people.subList(from, Math.min(people.size(), from + BATCH))) {
                batch.add(admission(person));
            }
            long b = System.nanoTime();
            for (AdmissionResult result : custody.admitAll(batch)) {
                if (result.status() != 201 && ++refused < 5) {
                    System.out.println("refused: " + result);
                }
            }
            batchRates.add(batch.size() / secs(b));
        }
        double seconds = secs(t);
        double[] rates = batchRates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("admitAll (%s): %,d admissions in %.1f s = %.0f admissions/s (batches of %d: median %.0f/s,"
                        + " slowest %.0f/s), %d refused%n", how, people.size(), seconds, people.size() / seconds,
                BATCH, rates[rates.length / 2], rates[0], refused);
    }

    void synchronousCommit(String value) {
        jdbc.sql("ALTER SYSTEM SET synchronous_commit = '" + value + "'").update();
        jdbc.sql("SELECT pg_reload_conf()").query().listOfRows();
    }

    static Admission admission(UUID person) {
        return new Admission(new PersonId(person), CECOT, LegalStatus.PRE_TRIAL,
                new LegalAuthority(AuthorityType.DETENTION_ORDER, "Juzgado Especializado de Instrucción",
                        LocalDate.of(2025, 3, 20), "JEI-" + person.toString().substring(0, 8), "régimen de excepción"),
                new Arrest(null, "San Vicente", "Policía Nacional Civil"), null, null, null,
                List.of(new PropertyItem("reloj de pulsera", 1)),
                List.of(new Contact(Contact.Relation.NEXT_OF_KIN, "Contacto sintético", null, null, null,
                        "+503 0000 0000")), null);
    }

    /**
     * The bare SQL of admitAll: each batch of 500 is admitted once in a rolled-back transaction while its statements
     * are recorded (not timed), then exactly those statements are replayed over plain JDBC (timed), rolled back: the
     * rules' reads, the one insert statement, the facility links, the journal's insert, without the Java.
     */
    void bareBulkAdmissions(List<UUID> people) {
        long nanos = 0;
        BareSql.Totals statements = new BareSql.Totals();
        for (int from = 0; from < people.size(); from += BATCH) {
            List<Admission> batch = people.subList(from, Math.min(people.size(), from + BATCH)).stream()
                    .map(CustodyBench::admission).toList();
            BareSql.Recording sql = bare.record(() -> rolledBack(() -> custody.admitAll(batch)));
            long t = System.nanoTime();
            long[] each = bare.replay(sql);
            nanos += System.nanoTime() - t;
            statements.add(sql, each);
        }
        double seconds = nanos / 1e9;
        long all = nanos;
        System.out.printf("bare SQL of admitAll's statements per batch (recorded from admitAll, replayed over JDBC; no"
                        + " Java, no commit), batches of %d, rolled back: %,d in %.1f s = %.0f/s%n", BATCH,
                people.size(), seconds, people.size() / seconds);
        statements.byLabel().forEach((label, total) -> {
            if (total[0] >= all / 20) {   // the statements that take 5 % of it or more
                System.out.printf("  of which %-50s %6.1f s (%,d statements)%n", label, total[0] / 1e9, total[1]);
            }
        });
    }

    void rolledBack(Runnable work) {
        transaction.executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    /** The rows an admission writes, as plain JDBC batches in one transaction per 500, rolled back. */
    void bareAdmissions(List<UUID> people) {
        long t = System.nanoTime();
        for (int from = 0; from < people.size(); from += BATCH) {
            List<UUID> batch = people.subList(from, Math.min(people.size(), from + BATCH));
            transaction.executeWithoutResult(status -> {
                for (UUID person : batch) {
                    UUID episode = UUID.randomUUID();
                    UUID movement = UUID.randomUUID();
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    jdbc.sql("""
                            INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile, authority_type,
                                   issuing_authority, authority_date, authority_reference, grounds, arrest_place,
                                   arresting_authority, admitted_at, admitted_by)
                            VALUES (:id, :person, 'CECOT', 'PRE_TRIAL', 'MALE', false, 'DETENTION_ORDER', 'Juzgado', DATE '2025-03-20',
                                   :ref, 'régimen de excepción', 'San Vicente', 'PNC', :now, 'bench')""")
                            .param("id", episode).param("person", person).param("ref", "JEI-" + person)
                            .param("now", now).update();
                    jdbc.sql("INSERT INTO custody_property_item (episode_id, line, description, quantity)"
                            + " VALUES (:e, 1, 'reloj de pulsera', 1)").param("e", episode).update();
                    jdbc.sql("INSERT INTO custody_contact (episode_id, line, relation, name, phone)"
                            + " VALUES (:e, 1, 'NEXT_OF_KIN', 'Contacto', '+503 0000 0000')").param("e", episode)
                            .update();
                    jdbc.sql("""
                            INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                                   facility_code, actor)
                            VALUES (:id, :person, :e, 'ADMITTED', :now, :now, 'RECEPTION', 'CECOT', 'bench')""")
                            .param("id", movement).param("person", person).param("e", episode).param("now", now)
                            .update();
                    jdbc.sql("""
                            INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, since, last_movement)
                            VALUES (:person, :e, 'RECEPTION', 'CECOT', :now, :m)""")
                            .param("person", person).param("e", episode).param("now", now).param("m", movement)
                            .update();
                }
                status.setRollbackOnly();
            });
        }
        System.out.printf("bare SQL of the same admission rows (episode, property, contact, movement, whereabouts;"
                        + " no rules, no journal), batches of %d, rolled back: %,d in %.1f s = %.0f/s%n", BATCH,
                people.size(), secs(t), people.size() / secs(t));
    }

    /** CECOT's layout: {@code modules} modules of 32 cells, 100 m2, declared 156 (SCENARIO.md). */
    static Layout layout(int modules) {
        List<Layout.Entry> entries = new ArrayList<>();
        for (int m = 1; m <= modules; m++) {
            entries.add(new Layout.Entry("M" + m, null, "MODULE", "Módulo " + m, null, null, null, null, null, null,
                    null, null, null, null, null, null));
            for (int c = 1; c <= CELLS_PER_MODULE; c++) {
                entries.add(new Layout.Entry("M%d-C%02d".formatted(m, c), "M" + m, "CELL", null, 80, PLACES, PLACES,
                        new BigDecimal("540.00"), null, null, null, null, null, null, null, null));
            }
        }
        return new Layout(Layout.FORMAT, entries);
    }

    List<Location> cells() {
        return estate.locations(CECOT).stream().filter(l -> l.kind() == LocationKind.CELL).toList();
    }

    /** Setup by direct SQL: the person row, its REGISTERED revision and its facility link; synthetic names. */
    List<UUID> registerPeople(int count) {
        jdbc.sql("""
                INSERT INTO person (id, register_number, given_names, first_family_name, full_name, birth_precision,
                       recorded_sex, interpreter_needed, identity_status, revision, registered_at, updated_at)
                SELECT md5('person' || i)::uuid, 'BENCH-2025-' || lpad(i::text, 6, '0'), 'Sintético ' || i, 'Prueba',
                       'Sintético ' || i || ' Prueba', 'UNKNOWN', 'MALE', false, 'UNVERIFIED', 1, now(), now()
                  FROM generate_series(1, :n) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO person_revision (person_id, revision, kind, recorded_at, recorded_by, snapshot)
                SELECT md5('person' || i)::uuid, 1, 'REGISTERED', now(), 'bench-loader', '{}'::jsonb
                  FROM generate_series(1, :n) i""").param("n", count).update();
        jdbc.sql("""
                INSERT INTO person_facility (person_id, facility_code, since)
                SELECT md5('person' || i)::uuid, 'CECOT', now() FROM generate_series(1, :n) i""")
                .param("n", count).update();
        jdbc.sql("ANALYZE person").update();
        return jdbc.sql("SELECT md5('person' || i)::uuid FROM generate_series(1, :n) i ORDER BY i")
                .param("n", count).query(UUID.class).list();
    }

    /**
     * Setup by bulk SQL: people admitted 30 days ago (ADMITTED, then PLACED an hour later) into the free places
     * cell by cell; whoever finds no place stays in reception. Cell occupancy is set from the whereabouts after.
     */
    void bulkPopulation(int from, int to) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("CREATE TEMPORARY TABLE bench_person (n int PRIMARY KEY, person_id uuid) ON COMMIT DROP")
                    .update();
            // People are md5('person' || i) in registration order (registerPeople).
            jdbc.sql("INSERT INTO bench_person SELECT i - :from, md5('person' || i)::uuid FROM generate_series(:first, :to) i")
                    .param("from", from).param("first", from + 1).param("to", to).update();
            jdbc.sql("""
                    CREATE TEMPORARY TABLE bench_slot ON COMMIT DROP AS
                    SELECT row_number() OVER (ORDER BY l.path_key, s) AS n, l.id AS location_id
                      FROM location l
                     CROSS JOIN LATERAL generate_series(1, l.maximum_capacity - l.population) s
                     WHERE l.facility_code = 'CECOT' AND l.kind = 'CELL' AND l.status = 'ACTIVE'""").update();
            jdbc.sql("""
                    INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile, authority_type,
                           issuing_authority, authority_date, authority_reference, grounds, admitted_at, admitted_by)
                    SELECT md5('episode' || p.person_id)::uuid, p.person_id, 'CECOT', 'PRE_TRIAL', 'MALE', false, 'DETENTION_ORDER',
                           'Juzgado Especializado de Instrucción', DATE '2025-03-20', 'JEI-B' || p.n,
                           'régimen de excepción', now() - interval '30 days', 'bench-loader'
                      FROM bench_person p""").update();
            jdbc.sql("""
                    INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                           facility_code, actor, particulars)
                    SELECT md5('admitted' || p.person_id)::uuid, p.person_id, md5('episode' || p.person_id)::uuid,
                           'ADMITTED', now() - interval '30 days', now() - interval '30 days', 'RECEPTION', 'CECOT',
                           'bench-loader', '{"authority": "DETENTION_ORDER"}'::jsonb
                      FROM bench_person p""").update();
            jdbc.sql("""
                    INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                           facility_code, to_location, actor, from_state, from_facility)
                    SELECT md5('placed' || p.person_id)::uuid, p.person_id, md5('episode' || p.person_id)::uuid,
                           'PLACED', now() - interval '30 days' + interval '1 hour',
                           now() - interval '30 days' + interval '1 hour', 'IN_CELL', 'CECOT', s.location_id,
                           'bench-loader', 'RECEPTION', 'CECOT'
                      FROM bench_person p JOIN bench_slot s ON s.n = p.n""").update();
            jdbc.sql("""
                    INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, location_id, since,
                           last_movement, version)
                    SELECT p.person_id, md5('episode' || p.person_id)::uuid,
                           CASE WHEN s.location_id IS NULL THEN 'RECEPTION' ELSE 'IN_CELL' END, 'CECOT', s.location_id,
                           now() - interval '30 days' + CASE WHEN s.location_id IS NULL THEN interval '0' ELSE interval '1 hour' END,
                           CASE WHEN s.location_id IS NULL THEN md5('admitted' || p.person_id)::uuid
                                ELSE md5('placed' || p.person_id)::uuid END,
                           CASE WHEN s.location_id IS NULL THEN 1 ELSE 2 END
                      FROM bench_person p LEFT JOIN bench_slot s ON s.n = p.n""").update();
            jdbc.sql("""
                    UPDATE location l SET population = c.people
                      FROM (SELECT location_id, count(*) AS people FROM whereabouts WHERE kind = 'IN_CELL'
                             GROUP BY location_id) c
                     WHERE l.id = c.location_id AND l.population <> c.people""").update();
        });
        jdbc.sql("ANALYZE custody_episode").update();
        jdbc.sql("ANALYZE movement").update();
        jdbc.sql("ANALYZE whereabouts").update();
    }

    /**
     * One earlier, ended episode per person (as many people as there are places, so no cell ever holds more than its
     * maximum), a year before the current one: ADMITTED, PLACED, then MOVED round the cells (everyone in a cell
     * moves on to the next one at each step, spread over an hour, so occupancy stays level), RELEASED at the end.
     */
    long history(int population, long target) {
        int slots = cells().size() * PLACES;
        int persons = Math.min(population, slots);
        int perPerson = (int) Math.max(4, target / persons);
        int moves = perPerson - 3;
        jdbc.sql("CREATE TABLE bench_history (n int PRIMARY KEY, person_id uuid, cell int)").update();
        jdbc.sql("INSERT INTO bench_history SELECT i, md5('person' || i)::uuid, (i - 1) % :cells"
                        + " FROM generate_series(1, :persons) i")
                .param("cells", cells().size()).param("persons", persons).update();
        jdbc.sql("CREATE TABLE bench_cell AS SELECT row_number() OVER (ORDER BY path_key) - 1 AS i, id"
                + " FROM location WHERE facility_code = 'CECOT' AND kind = 'CELL'").update();
        jdbc.sql("CREATE UNIQUE INDEX ON bench_cell (i)").update();
        // Episodes start 400 days back (plus up to an hour per person), movements every 2 days after.
        jdbc.sql("""
                INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile, authority_type,
                       issuing_authority, authority_date, authority_reference, grounds, admitted_at, admitted_by,
                       ended_at, end_kind)
                SELECT md5('past' || h.person_id)::uuid, h.person_id, 'CECOT', 'PRE_TRIAL', 'MALE', false, 'DETENTION_ORDER',
                       'Juzgado de Paz', DATE '2024-10-01', 'JP-H' || h.n, 'régimen de excepción',
                       now() - interval '400 days' + (h.n % 3600) * interval '1 second', 'bench-loader',
                       now() - interval '400 days' + (h.n % 3600) * interval '1 second'
                             + (:moves + 2) * interval '2 days', 'RELEASED'
                  FROM bench_history h""").param("moves", moves).update();
        long written = 0;
        int chunk = 4_000;
        long t = System.nanoTime();
        for (int from = 1; from <= persons; from += chunk) {
            // step 0 ADMITTED, 1 PLACED, 2..moves+1 MOVED, moves+2 RELEASED
            written += jdbc.sql("""
                    INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                           facility_code, from_location, to_location, destination, authority, actor, particulars,
                           from_state, from_facility)
                    SELECT gen_random_uuid(), h.person_id, md5('past' || h.person_id)::uuid,
                           CASE WHEN j = 0 THEN 'ADMITTED' WHEN j = 1 THEN 'PLACED'
                                WHEN j = :moves + 2 THEN 'RELEASED' ELSE 'MOVED' END,
                           t.at, t.at,
                           CASE WHEN j = 0 THEN 'RECEPTION' WHEN j = :moves + 2 THEN 'RELEASED' ELSE 'IN_CELL' END,
                           'CECOT',
                           cf.id, ct.id,
                           CASE WHEN j = :moves + 2 THEN 'a su familia' END,
                           CASE WHEN j = :moves + 2 THEN 'Juzgado de Paz' END,
                           'bench-loader',
                           CASE WHEN j = :moves + 2
                                THEN '{"identityChecked": true, "identityCheckedBy": "bench"}'::jsonb
                                ELSE '{}'::jsonb END,
                           CASE WHEN j = 0 THEN NULL WHEN j = 1 THEN 'RECEPTION' ELSE 'IN_CELL' END,
                           CASE WHEN j = 0 THEN NULL ELSE 'CECOT' END
                      FROM bench_history h
                     CROSS JOIN generate_series(0, :moves + 2) j
                     CROSS JOIN LATERAL (SELECT now() - interval '400 days' + (h.n % 3600) * interval '1 second'
                                                + j * interval '2 days' AS at) t
                      LEFT JOIN bench_cell cf ON j >= 2 AND cf.i = (h.cell + j - 2) % :cells
                      LEFT JOIN bench_cell ct ON j BETWEEN 1 AND :moves + 1 AND ct.i = (h.cell + j - 1) % :cells
                     WHERE h.n BETWEEN :from AND :to""")
                    .param("moves", moves).param("cells", cells().size()).param("from", from)
                    .param("to", from + chunk - 1).update();
            if ((from / chunk) % 5 == 0) {
                System.out.printf("  ... %,d movements, %.0f s%n", written, secs(t));
            }
        }
        jdbc.sql("DROP TABLE bench_history").update();
        jdbc.sql("DROP TABLE bench_cell").update();
        jdbc.sql("VACUUM ANALYZE movement").update();
        jdbc.sql("ANALYZE custody_episode").update();
        return written;
    }

    static void time(String what, int runs, Supplier<Object> work) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            work.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - t;
        }
        report(what, nanos);
    }

    /**
     * {@link #time} for the replay of a recording: warm-up, then {@code runs} replays; the total, and with {@code
     * parts} each statement's own line.
     */
    void timeBare(String what, int runs, BareSql.Recording sql, boolean parts) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            bare.replay(sql);
        }
        long[] nanos = new long[runs];
        long[][] each = new long[sql.size()][runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long[] statements = bare.replay(sql);
            nanos[i] = System.nanoTime() - t;
            for (int k = 0; k < statements.length; k++) {
                each[k][i] = statements[k];
            }
        }
        report(what + " (" + sql.size() + " statements)", nanos);
        for (int k = 0; parts && k < sql.size(); k++) {
            report("  part: bare SQL " + sql.label(k), each[k]);
        }
    }

    static void report(String what, long[] nanos) {
        int runs = nanos.length;
        Arrays.sort(nanos);
        System.out.printf("%-60s p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms  (%d runs)%n", what,
                nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6, runs);
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
