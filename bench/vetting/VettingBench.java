import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.custody.placement.CellCountCheck;
import org.habeas.custody.placement.SeparationBreaches;
import org.habeas.estate.EstateService;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.Layout;
import org.habeas.estate.NewFacility;
import org.habeas.estate.SeparationPolicy;
import org.habeas.vetting.Decision;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.habeas.vetting.VettingService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vetting benchmark: starts the application on a temporary data directory and calls the engine
 * directly, as a signed-in officer.
 *
 * <ol>
 *   <li>Builds CECOT at 16 modules x 32 cells x 156 places (79,872) and puts POPULATION synthetic people in it by
 *       bulk SQL (person, episode with its separation category, ADMITTED movement, whereabouts, cell occupancy;
 *       setup, not journaled). Modules 1-12 hold pre-trial men, 13-15 sentenced men, 16 women.</li>
 *   <li>Loads RECORDS allegations (40 alleged groups, a tenth withdrawn, a tenth disputed) and RECORDS
 *       non-associations (all but 40 between two people, scope CELL, MODULE or FACILITY in turn, a fifth closed;
 *       40 between rival groups at CELL or MODULE scope) by bulk SQL.</li>
 *   <li>Times, for MOVES random cell moves of people in cells to another random cell: VettingService.dryRun with
 *       every registered rule (the call the pages and the API make, the same evaluation a move's decide runs);
 *       each rule's evaluate on its own; the bare SQL of the scope check and the rules (the statements that very dry
 *       run sent, recorded through the application's DataSource and replayed over plain JDBC in one transaction:
 *       bench/lib/BareSql.java); decide (which also stores and journals a denial) in a rolled-back transaction; and
 *       a batch dry run of BATCH movements, against the bare SQL of the same batch's dry run.</li>
 *   <li>What the triggers that keep the per-cell counts (V55) add to a move: the whereabouts UPDATE of a cell move,
 *       rolled back, with the trigger and with it disabled; and a recount of the counts after the bulk load.</li>
 * </ol>
 * Usage: VettingBench [population] [records] [moves] [batch] [batchRuns]
 */
public class VettingBench {

    static final String CECOT = "CECOT";
    static final int MODULES = 16;
    static final int CELLS_PER_MODULE = 32;
    static final int PLACES = 156;

    // What the group half of NON_ASSOCIATION read before the per-cell counts (3fcee0a): the people held in the
    // module's cells and their allegations. Kept for its plan, beside the statements the rule sends now. Not a
    // statement Habeas runs any more, so the benchmark's own (its inputs from the benchmark's own queries too).
    static final String RIVAL_IN_CELLS_BEFORE = """
            SELECT w.person_id, w.location_id, w.facility_code, r.grouping
              FROM whereabouts w JOIN allegation r ON r.person_id = w.person_id
             WHERE w.location_id = ANY (:cells) AND w.kind = 'IN_CELL' AND w.person_id <> :person
               AND r.grouping = ANY (:groups) AND r.status <> 'WITHDRAWN'
             LIMIT 1""";

    public static void main(String[] args) throws Exception {
        int population = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int moves = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int batchRuns = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        InProcess.run("vetting", EnumSet.of(Role.HOUSING, Role.DIRECTOR, Role.SUPERVISOR, Role.INSPECTOR, Role.ADMIN),
                context -> {
            System.out.printf("machine: %d cores; population=%,d records=%,d (allegations) + %,d (non-associations)"
                            + " moves=%,d batch=%d x %d%n", Runtime.getRuntime().availableProcessors(), population,
                    records, records, moves, batch, batchRuns);
            new VettingBench(context).run(population, records, moves, batch, batchRuns);
        });
    }

    private final ConfigurableApplicationContext context;
    private final EstateService estate;
    private final VettingService vetting;
    private final BareSql bare;
    private final JdbcClient jdbc;
    private final TransactionTemplate rolledBack;

    VettingBench(ConfigurableApplicationContext context) {
        this.context = context;
        this.estate = context.getBean(EstateService.class);
        this.vetting = context.getBean(VettingService.class);
        this.bare = BareSql.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        var transactions = context.getBean(PlatformTransactionManager.class);
        this.rolledBack = new TransactionTemplate(transactions);
    }

    void run(int population, int records, int moves, int batch, int batchRuns) {
        long t = System.nanoTime();
        estate(population);
        System.out.printf("setup: %,d people in custody by bulk SQL in %.1f s (in cells %,d)%n", population, secs(t),
                jdbc.sql("SELECT count(*) FROM whereabouts WHERE kind = 'IN_CELL'").query(Long.class).single());
        t = System.nanoTime();
        records(population, records);
        System.out.printf("setup: %,d allegations and %,d non-associations by bulk SQL in %.1f s%n",
                jdbc.sql("SELECT count(*) FROM allegation").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM non_association").query(Long.class).single(), secs(t));

        System.out.printf("per-cell counts after the bulk load: %,d category rows, %,d group rows; differences from a "
                + "recount: %s%n", jdbc.sql("SELECT count(*) FROM cell_category_count").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM cell_group_count").query(Long.class).single(),
                context.getBean(CellCountCheck.class).differences().size());

        // A register in service is vacuumed and analysed; without this, autovacuum of the bulk load's tables runs
        // during the measurements on a two-core machine and its cost lands on whichever movement meets it.
        t = System.nanoTime();
        jdbc.sql("VACUUM (ANALYZE)").update();
        System.out.printf("setup: VACUUM (ANALYZE) in %.1f s%n", secs(t));

        List<VettingRequest> requests = requests(moves, new Random(6));
        System.out.println("rules: " + vetting.ruleNames());
        explain(requests.subList(0, Math.min(3, requests.size())));

        // ---- the engine, one movement at a time (the second warm-up pass records what each dry run sends)
        requests.forEach(vetting::dryRun);
        List<BareSql.Recording> sent = requests.stream().map(r -> bare.record(() -> vetting.dryRun(r))).toList();
        long[] engine = new long[requests.size()];
        int denied = 0;
        Map<String, Integer> deniedBy = new java.util.TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            long s = System.nanoTime();
            Decision d = vetting.dryRun(requests.get(i));
            engine[i] = System.nanoTime() - s;
            if (!d.allowed()) {
                denied++;
                d.denials().forEach(o -> deniedBy.merge(o.rule(), 1, Integer::sum));
            }
        }
        report("VettingService.dryRun, all rules, per movement", engine);
        System.out.printf("  of %,d movements %,d denied; denials by rule %s%n", requests.size(), denied, deniedBy);

        // ---- each rule on its own, in an evaluation of its own (nothing read for it by another rule or the scope
        // check), outside a transaction: each query takes a pooled connection
        for (VettingRule rule : context.getBeansOfType(VettingRule.class).values()) {
            if (!rule.appliesTo().contains(MovementAction.CELL_MOVE)) {
                continue;
            }
            requests.forEach(r -> rule.evaluate(r, new Evaluation()));
            long[] nanos = new long[requests.size()];
            for (int i = 0; i < requests.size(); i++) {
                long s = System.nanoTime();
                rule.evaluate(requests.get(i), new Evaluation());
                nanos[i] = System.nanoTime() - s;
            }
            report("  rule " + rule.name() + ".evaluate", nanos);
        }

        // ---- the bare SQL the scope check and the cell rules send: each movement's recorded statements (with the
        // SET LOCALs of the evaluation, so the same generic plans), replayed in one transaction per movement
        sent.forEach(bare::replay);
        long[] sql = new long[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long s = System.nanoTime();
            bare.replay(sent.get(i));
            sql[i] = System.nanoTime() - s;
        }
        report("bare SQL of the scope check and the cell rules, per movement", sql);

        // ---- decide, as a move calls it (stores and journals a denial), rolled back
        int decided = Math.min(500, requests.size());
        long[] decide = new long[decided];
        for (int i = 0; i < decided; i++) {
            VettingRequest r = requests.get(i);
            long s = System.nanoTime();
            rolledBack.executeWithoutResult(status -> {
                vetting.decide(r, List.of());
                status.setRollbackOnly();
            });
            decide[i] = System.nanoTime() - s;
        }
        report("VettingService.decide in a rolled-back transaction", decide);

        // ---- batch dry runs, and the bare SQL of the scope check and the cell rules for the same batches
        Random random = new Random(60);
        long[] batches = new long[batchRuns];
        long[] bareBatches = new long[batchRuns];
        for (int warm = 0; warm < 3; warm++) {
            List<VettingRequest> slice = slice(requests, batch, random);
            bare.replay(bare.record(() -> vetting.dryRun(slice)));
        }
        BareSql.Recording lastBatch = null;
        long[] lastStatements = new long[0];
        for (int i = 0; i < batchRuns; i++) {
            List<VettingRequest> slice = slice(requests, batch, random);
            lastBatch = bare.record(() -> vetting.dryRun(slice));   // not timed: what this batch's dry run sends
            long s = System.nanoTime();
            vetting.dryRun(slice);
            batches[i] = System.nanoTime() - s;
            s = System.nanoTime();
            lastStatements = bare.replay(lastBatch);
            bareBatches[i] = System.nanoTime() - s;
        }
        for (int k = 0; lastBatch != null && k < lastStatements.length; k++) {
            System.out.printf("  last batch's bare SQL: %-40s %7.2f ms%n", lastBatch.label(k), lastStatements[k] / 1e6);
        }
        report("VettingService.dryRun(list of " + batch + "), per batch", batches);
        report("bare SQL of the scope check and the cell rules for the batch, per batch", bareBatches);

        // ---- what the per-cell count triggers add to the whereabouts UPDATE of a cell move (rolled back)
        int updates = Math.min(500, requests.size());
        for (boolean withTrigger : new boolean[] {true, false, true}) {
            long[] nanos = new long[updates];
            for (int n = 0; n < updates; n++) {
                int i = n;
                VettingRequest r = requests.get(i);
                rolledBack.executeWithoutResult(status -> {
                    if (!withTrigger) {
                        jdbc.sql("ALTER TABLE whereabouts DISABLE TRIGGER cell_counts_whereabouts_updated").update();
                    }
                    long s = System.nanoTime();
                    jdbc.sql("UPDATE whereabouts SET location_id = :to, version = version + 1 WHERE person_id = :p")
                            .param("to", r.toLocation()).param("p", r.person()).update();
                    nanos[i] = System.nanoTime() - s;
                    status.setRollbackOnly();
                });
            }
            report("whereabouts UPDATE of a cell move, " + (withTrigger ? "with" : "without") + " the count trigger",
                    nanos);
        }

        // ---- the roll's list of cells held against separation: every occupied cell of CECOT, its categories and the
        // designations above it. First as set up (everyone fits), then with modules 1-4 designated for convicted
        // people while untried men fill them (rolled back).
        var breaches = context.getBean(SeparationBreaches.class);
        for (boolean misdesignated : new boolean[] {false, true}) {
            long[] nanos = new long[50];
            int[] listed = new int[1];
            rolledBack.executeWithoutResult(status -> {
                if (misdesignated) {
                    jdbc.sql("UPDATE location SET for_detention = 'CONVICTED' WHERE facility_code = 'CECOT'"
                            + " AND path_key IN ('CECOT-M1', 'CECOT-M2', 'CECOT-M3', 'CECOT-M4')").update();
                }
                for (int i = 0; i < nanos.length; i++) {
                    long s = System.nanoTime();
                    listed[0] = breaches.in(CECOT).size();
                    nanos[i] = System.nanoTime() - s;
                }
                status.setRollbackOnly();
            });
            report("SeparationBreaches.in(CECOT), " + listed[0] + " cells listed", nanos);
        }
        // The statements the list sends on the set-up estate (everyone fits), recorded and replayed.
        BareSql.Recording listSql = bare.record(() -> breaches.in(CECOT));
        long[] bareList = new long[50];
        for (int i = 0; i < bareList.length; i++) {
            long s = System.nanoTime();
            bare.replay(listSql);
            bareList[i] = System.nanoTime() - s;
        }
        report("bare SQL of the same " + listSql.size() + " reads " + listSql.labels(), bareList);
    }

    /** CECOT (16 modules x 32 cells x 156 places) and {@code population} people in custody in it, by bulk SQL. */
    void estate(int population) {
        estate.createFacility(new NewFacility(CECOT, "Centro de Confinamiento del Terrorismo", "SV", "San Vicente",
                "Tecoluca", null, null, ZoneId.of("America/El_Salvador"), FacilityType.PRISON,
                "Dirección General de Centros Penales", "Procuraduría para la Defensa de los Derechos Humanos",
                LocalDate.of(2023, 2, 1), FacilityStatus.OPEN));
        estate.importLayout(CECOT, layout(), null);
        population(population);
    }

    /**
     * The plans of the statements a dry run of each of a few movements sends (recorded, with the values it bound and
     * after its SET LOCALs), to see where the time goes; and of the people-based read the group half of
     * NON_ASSOCIATION made before the per-cell counts.
     */
    void explain(List<VettingRequest> sample) {
        for (VettingRequest r : sample) {
            BareSql.Recording sent = bare.record(() -> vetting.dryRun(r));
            for (int i = 0; i < sent.size(); i++) {
                if (sent.label(i).startsWith("SELECT") || sent.label(i).startsWith("WITH")) {
                    System.out.println("-- EXPLAIN " + sent.label(i));
                    bare.explain(sent, i, "ANALYZE, BUFFERS, COSTS OFF").forEach(line -> System.out.println("   " + line));
                }
            }
            UUID[] module = jdbc.sql("SELECT id FROM location WHERE parent_id = (SELECT parent_id FROM location"
                    + " WHERE id = :cell)").param("cell", r.toLocation()).query(UUID.class).list().toArray(UUID[]::new);
            String[] rivals = jdbc.sql("""
                    SELECT DISTINCT CASE WHEN na.group_a = a.grouping THEN na.group_b ELSE na.group_a END
                      FROM allegation a
                      JOIN non_association na ON na.status = 'OPEN' AND na.group_a IS NOT NULL
                                             AND (na.group_a = a.grouping OR na.group_b = a.grouping)
                     WHERE a.person_id = :person AND a.status <> 'WITHDRAWN'""").param("person", r.person())
                    .query(String.class).list().toArray(String[]::new);
            System.out.println("-- EXPLAIN RIVAL_IN_CELLS (module, before the counts)");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + RIVAL_IN_CELLS_BEFORE).param("person", r.person())
                    .param("cells", module).param("groups", rivals)
                    .query(String.class).list().forEach(line -> System.out.println("   " + line));
        }
    }

    static List<VettingRequest> slice(List<VettingRequest> all, int size, Random random) {
        int from = random.nextInt(Math.max(1, all.size() - size));
        return all.subList(from, Math.min(all.size(), from + size));
    }

    /** Random people in cells, each to a random other cell of CECOT, as cell moves. */
    List<VettingRequest> requests(int count, Random random) {
        List<UUID> cells = jdbc.sql("SELECT id FROM location WHERE facility_code = 'CECOT' AND kind = 'CELL'")
                .query(UUID.class).list();
        var people = jdbc.sql("""
                SELECT person_id, location_id FROM whereabouts WHERE kind = 'IN_CELL'
                 ORDER BY md5(person_id::text) LIMIT :n""").param("n", count)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        List<VettingRequest> requests = new ArrayList<>();
        Instant now = Instant.now();
        for (UUID[] p : people) {
            UUID to;
            do {
                to = cells.get(random.nextInt(cells.size()));
            } while (to.equals(p[1]));
            requests.add(new VettingRequest(p[0], MovementAction.CELL_MOVE, CECOT, p[1], to, null, null, null, null,
                    now));
        }
        return requests;
    }

    static Layout layout() {
        List<Layout.Entry> entries = new ArrayList<>();
        for (int m = 1; m <= MODULES; m++) {
            // Whom each module is for (REQ-20), as the population below fills them: 1-12 untried men, 13-15
            // convicted men, 16 untried women.
            entries.add(new Layout.Entry("M" + m, null, "MODULE", "Módulo " + m, null, null, null, null, null, null,
                    null, null, null, m == 16 ? SeparationPolicy.Sex.FEMALE : SeparationPolicy.Sex.MALE, null,
                    m >= 13 && m <= 15 ? SeparationPolicy.Detention.CONVICTED : SeparationPolicy.Detention.UNTRIED));
            for (int c = 1; c <= CELLS_PER_MODULE; c++) {
                entries.add(new Layout.Entry("M%d-C%02d".formatted(m, c), "M" + m, "CELL", null, 80, PLACES, PLACES,
                        new BigDecimal("100.00"), null, null, null, null, null, null, null, null));
            }
        }
        return new Layout(Layout.FORMAT, entries);
    }

    /**
     * People md5('person' || i) registered, admitted 30 days ago and placed into the places in path order (slot
     * n holds person n); whoever finds no place stays in reception. Modules 1-12 pre-trial men, 13-15 sentenced
     * men, 16 women, so separation has something to say about some moves.
     */
    void population(int count) {
        rolledBack.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO person (id, register_number, given_names, first_family_name, full_name,
                           birth_precision, recorded_sex, interpreter_needed, identity_status, revision,
                           registered_at, updated_at)
                    SELECT md5('person' || i)::uuid, 'BENCH-2025-' || lpad(i::text, 6, '0'), 'Sintético ' || i,
                           'Prueba', 'Sintético ' || i || ' Prueba', 'UNKNOWN', 'MALE', false, 'UNVERIFIED', 1,
                           now(), now()
                      FROM generate_series(1, :n) i""").param("n", count).update();
            jdbc.sql("""
                    INSERT INTO person_facility (person_id, facility_code, since)
                    SELECT md5('person' || i)::uuid, 'CECOT', now() FROM generate_series(1, :n) i""")
                    .param("n", count).update();
            jdbc.sql("""
                    CREATE TEMPORARY TABLE bench_slot ON COMMIT DROP AS
                    SELECT row_number() OVER (ORDER BY l.path_key, s) AS n, l.id AS location_id,
                           split_part(l.path_key, '-', 2) AS module
                      FROM location l CROSS JOIN LATERAL generate_series(1, l.maximum_capacity) s
                     WHERE l.facility_code = 'CECOT' AND l.kind = 'CELL'""").update();
            jdbc.sql("""
                    CREATE TEMPORARY TABLE bench_person ON COMMIT DROP AS
                    SELECT i AS n, md5('person' || i)::uuid AS person_id, s.location_id,
                           CASE WHEN s.module = 'M16' THEN 'FEMALE' ELSE 'MALE' END AS sex,
                           CASE WHEN s.module IN ('M13', 'M14', 'M15') THEN 'SENTENCED' ELSE 'PRE_TRIAL' END AS status
                      FROM generate_series(1, :n) i LEFT JOIN bench_slot s ON s.n = i""").param("n", count)
                    .update();
            jdbc.sql("""
                    INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile,
                           authority_type, issuing_authority, authority_date, authority_reference, admitted_at,
                           admitted_by)
                    SELECT md5('episode' || p.person_id)::uuid, p.person_id, 'CECOT', p.status, p.sex, false,
                           'DETENTION_ORDER', 'Juzgado Especializado de Instrucción', DATE '2025-03-20',
                           'JEI-B' || p.n, now() - interval '30 days', 'bench-loader'
                      FROM bench_person p""").update();
            jdbc.sql("""
                    INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state,
                           facility_code, actor, particulars)
                    SELECT md5('admitted' || p.person_id)::uuid, p.person_id, md5('episode' || p.person_id)::uuid,
                           'ADMITTED', now() - interval '30 days', now() - interval '30 days', 'RECEPTION', 'CECOT',
                           'bench-loader', '{}'::jsonb
                      FROM bench_person p""").update();
            jdbc.sql("""
                    INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, location_id, since,
                           last_movement, version)
                    SELECT p.person_id, md5('episode' || p.person_id)::uuid,
                           CASE WHEN p.location_id IS NULL THEN 'RECEPTION' ELSE 'IN_CELL' END, 'CECOT',
                           p.location_id, now() - interval '30 days', md5('admitted' || p.person_id)::uuid, 1
                      FROM bench_person p""").update();
            jdbc.sql("""
                    UPDATE location l SET population = c.people
                      FROM (SELECT location_id, count(*) AS people FROM whereabouts WHERE kind = 'IN_CELL'
                             GROUP BY location_id) c
                     WHERE l.id = c.location_id""").update();
        });
        for (String table : List.of("person", "custody_episode", "movement", "whereabouts", "location")) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    /** Allegations and non-associations among the population, by bulk SQL (setup, no history rows). */
    void records(int population, int count) {
        jdbc.sql("""
                INSERT INTO allegation (id, person_id, kind, grouping, source, evidence_reference, status,
                       recorded_at, recorded_by)
                SELECT gen_random_uuid(), md5('person' || (1 + (i::bigint * 7919) % :pop))::uuid, 'GANG_AFFILIATION',
                       'Grupo ' || (i % 40), 'informe sintético ' || i, NULL,
                       CASE i % 10 WHEN 0 THEN 'WITHDRAWN' WHEN 1 THEN 'DISPUTED' ELSE 'ALLEGED' END,
                       now() - interval '20 days', 'bench-loader'
                  FROM generate_series(1, :n) i""").param("pop", population).param("n", count).update();
        jdbc.sql("""
                INSERT INTO non_association (id, person_a, person_b, scope, reason, source, status, recorded_at,
                       recorded_by)
                SELECT gen_random_uuid(), a, b, (ARRAY['CELL', 'MODULE', 'FACILITY'])[1 + i % 3],
                       'amenazas ' || i, 'informe de seguridad', CASE WHEN i % 5 = 0 THEN 'CLOSED' ELSE 'OPEN' END,
                       now() - interval '10 days', 'bench-loader'
                  FROM (SELECT i, md5('person' || (1 + i % :pop))::uuid AS a,
                               md5('person' || (1 + (i::bigint * 104729 + 17) % :pop))::uuid AS b
                          FROM generate_series(1, :n) i) x
                 WHERE a <> b""").param("pop", population).param("n", count - 40).update();
        jdbc.sql("""
                INSERT INTO non_association (id, group_a, group_b, scope, reason, source, status, recorded_at,
                       recorded_by)
                SELECT gen_random_uuid(), 'Grupo ' || k, 'Grupo ' || ((k + 1 + j) % 40),
                       CASE WHEN k % 2 = 0 THEN 'CELL' ELSE 'MODULE' END, 'pandillas rivales', 'inteligencia',
                       'OPEN', now() - interval '10 days', 'bench-loader'
                  FROM generate_series(0, 19) k CROSS JOIN generate_series(0, 1) j""").update();
        jdbc.sql("ANALYZE allegation").update();
        jdbc.sql("ANALYZE non_association").update();
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%-58s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs)%n", what,
                sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.95) - 1] / 1e6,
                sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6, n);
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
