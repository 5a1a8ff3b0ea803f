import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.legal.LegalService;
import org.habeas.legal.Policy;
import org.habeas.vetting.Decision;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The legal benchmark (issue: vet 300 removals in one batch against 1,000,000 orders and holds in at most 100 ms).
 * Starts the application on a temporary data directory and calls the engine directly, as a signed-in officer.
 *
 * <ol>
 *   <li>CECOT and POPULATION people in custody, as the vetting benchmark builds them (its bulk SQL); half of them
 *       moved to immigration custody, so FINAL_ORDER_REQUIRED has something to ask.</li>
 *   <li>By bulk SQL (setup, not journaled): a nationality and a language for everyone; RECORDS orders and holds
 *       over the population (four orders to one hold), most of them ended, with a status change each, the rest
 *       active (protection orders per country, stays, final orders) or provisional; a review of everyone's record
 *       for every destination country, a notice to the person and counsel for some, unresolved fear claims for a
 *       few, and 40 class injunctions by nationality and basis (the Alien Enemies Act) or facility (elsewhere), and
 *       some by date of arrest. The three policies through
 *       LegalService, as an administrator sets them.</li>
 *   <li>Times a dry run of BATCH removals in one call (VettingService.dryRun(list), every rule, the call a manifest's
 *       version makes), BATCH_RUNS times over random people and destinations; against the bare SQL the same batch
 *       sent (bench/lib/BareSql.java). Then one removal at a time, and the bare SQL of each.</li>
 * </ol>
 * Usage: LegalBench [population] [records] [batch] [batchRuns]
 */
public class LegalBench {

    static final List<String> COUNTRIES = List.of("SV", "VE", "GT", "HN", "NI", "MX", "CO", "CU", "HT", "EC");

    public static void main(String[] args) throws Exception {
        int population = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int batchRuns = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        InProcess.run("legal", EnumSet.of(Role.LEGAL, Role.HOUSING, Role.DIRECTOR, Role.SUPERVISOR, Role.INSPECTOR,
                        Role.ADMIN),
                context -> {
            System.out.printf("machine: %d cores; population=%,d orders and holds=%,d batch=%d x %d%n",
                    Runtime.getRuntime().availableProcessors(), population, records, batch, batchRuns);
            new LegalBench(context).run(population, records, batch, batchRuns);
        });
    }

    private final ConfigurableApplicationContext context;
    private final VettingService vetting;
    private final BareSql bare;
    private final JdbcClient jdbc;

    LegalBench(ConfigurableApplicationContext context) {
        this.context = context;
        this.vetting = context.getBean(VettingService.class);
        this.bare = BareSql.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    void run(int population, int records, int batch, int batchRuns) {
        VettingBench cecot = new VettingBench(context);
        long t = System.nanoTime();
        cecot.estate(population);
        System.out.printf("setup: CECOT and %,d people in custody by bulk SQL in %.1f s%n", population,
                VettingBench.secs(t));
        t = System.nanoTime();
        legalRecords(population, records);
        policies();
        System.out.printf("setup: legal records by bulk SQL in %.1f s: %,d orders, %,d holds, %,d status changes, "
                        + "%,d reviews, %,d notices, %,d fear claims, %,d injunctions%n", VettingBench.secs(t),
                count("legal_order"), count("legal_hold"), count("legal_status_change"), count("legal_review"),
                count("legal_notice"), count("legal_fear_claim"), count("legal_injunction"));
        t = System.nanoTime();
        jdbc.sql("VACUUM (ANALYZE)").update();
        System.out.printf("setup: VACUUM (ANALYZE) in %.1f s%n", VettingBench.secs(t));

        Random random = new Random(15);
        List<VettingRequest> removals = removals(Math.max(batch * 10, 3_000), random);
        System.out.println("rules for a removal: " + vetting.ruleNames());

        // ---- batches of removals in one dry run, and the bare SQL that very batch sent
        for (int warm = 0; warm < 3; warm++) {
            List<VettingRequest> slice = VettingBench.slice(removals, batch, random);
            bare.replay(bare.record(() -> vetting.dryRun(slice)));
        }
        long[] batches = new long[batchRuns];
        long[] bareBatches = new long[batchRuns];
        Map<String, Integer> deniedBy = new TreeMap<>();
        int denied = 0;
        BareSql.Recording lastBatch = null;
        long[] lastStatements = new long[0];
        for (int i = 0; i < batchRuns; i++) {
            List<VettingRequest> slice = VettingBench.slice(removals, batch, random);
            lastBatch = bare.record(() -> vetting.dryRun(slice));   // not timed: what this batch's dry run sends
            long s = System.nanoTime();
            List<Decision> decisions = vetting.dryRun(slice);
            batches[i] = System.nanoTime() - s;
            s = System.nanoTime();
            lastStatements = bare.replay(lastBatch);
            bareBatches[i] = System.nanoTime() - s;
            for (Decision d : decisions) {
                if (!d.allowed()) {
                    denied++;
                    d.denials().forEach(o -> deniedBy.merge(o.rule(), 1, Integer::sum));
                }
            }
        }
        for (int k = 0; lastBatch != null && k < lastStatements.length; k++) {
            System.out.printf("  last batch's bare SQL: %-40s %7.2f ms%n", lastBatch.label(k), lastStatements[k] / 1e6);
        }
        VettingBench.report("VettingService.dryRun(list of " + batch + " removals), per batch", batches);
        VettingBench.report("bare SQL of the same batch, per batch", bareBatches);
        System.out.printf("  of %,d removals vetted %,d denied; denials by rule %s%n", batch * batchRuns, denied,
                deniedBy);

        // ---- one removal at a time
        List<VettingRequest> single = removals.subList(0, Math.min(1_000, removals.size()));
        single.forEach(vetting::dryRun);
        List<BareSql.Recording> sent = single.stream().map(r -> bare.record(() -> vetting.dryRun(r))).toList();
        long[] one = new long[single.size()];
        long[] oneBare = new long[single.size()];
        for (int i = 0; i < single.size(); i++) {
            long s = System.nanoTime();
            vetting.dryRun(single.get(i));
            one[i] = System.nanoTime() - s;
            s = System.nanoTime();
            bare.replay(sent.get(i));
            oneBare[i] = System.nanoTime() - s;
        }
        VettingBench.report("VettingService.dryRun, one removal", one);
        VettingBench.report("bare SQL of the same removal", oneBare);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /**
     * The legal record, by bulk SQL. Person i is md5('person' || i), as VettingBench registers them; record j goes
     * to person 1 + (j * 7919) mod population, so records spread over everyone, about RECORDS / POPULATION each.
     */
    void legalRecords(int population, int records) {
        String countries = "ARRAY['" + String.join("','", COUNTRIES) + "']";
        jdbc.sql("""
                UPDATE custody_episode SET legal_status = 'IMMIGRATION'
                 WHERE ended_at IS NULL AND hashtext(person_id::text) % 2 = 0""").update();
        jdbc.sql("""
                INSERT INTO person_nationality (id, person_id, country, determined_from, added_revision)
                SELECT gen_random_uuid(), md5('person' || i)::uuid, (%s)[1 + i %% 10], 'PASSPORT', 1
                  FROM generate_series(1, :n) i""".formatted(countries)).param("n", population).update();
        jdbc.sql("""
                INSERT INTO person_language (id, person_id, language, added_revision)
                SELECT gen_random_uuid(), md5('person' || i)::uuid, CASE WHEN i % 10 = 8 THEN 'ht' ELSE 'es' END, 1
                  FROM generate_series(1, :n) i""").param("n", population).update();
        int orders = records * 4 / 5;
        // Orders: a tenth active (protection against a country, a stay, a final order for immigration custody);
        // the rest terminated or vacated years ago, each with its status change.
        jdbc.sql("""
                INSERT INTO legal_order (id, person_id, type, issued_by, case_number, decided_on, status, country,
                       effective_from, expires_on, document_reference, order_text, recorded_at, recorded_by,
                       facility_code)
                SELECT md5('order' || j)::uuid, md5('person' || (1 + (j::bigint * 7919) %% :pop))::uuid,
                       (ARRAY['WITHHOLDING_OF_REMOVAL', 'CAT_WITHHOLDING', 'CAT_DEFERRAL', 'ASYLUM_GRANT',
                              'STAY_BIA', 'STAY_COURT', 'FINAL_REMOVAL_ORDER', 'FINAL_REMOVAL_ORDER',
                              'RELEASE_ORDER', 'HABEAS_TRO'])[1 + j %% 10],
                       'Immigration Court ' || (j %% 50), 'A' || lpad(j::text, 9, '0'),
                       DATE '2020-01-01' + (j %% 1500), CASE WHEN j %% 10 = 3 AND j %% 7 <> 0 THEN 'ACTIVE'
                            WHEN j %% 10 IN (6, 7) AND j %% 3 = 0 THEN 'ACTIVE'
                            WHEN j %% 2 = 0 THEN 'TERMINATED' ELSE 'VACATED' END,
                       (%s)[1 + (j / 10) %% 10], DATE '2020-01-01' + (j %% 1500), NULL,
                       'EOIR-' || j, 'Synthetic order ' || j, now() - interval '2 years', 'bench-loader', 'CECOT'
                  FROM generate_series(1, :n) j""".formatted(countries))
                .param("pop", population).param("n", orders).update();
        jdbc.sql("""
                INSERT INTO legal_status_change (record_id, record_kind, changed_at, changed_by, from_status,
                       to_status, reason)
                SELECT id, 'ORDER', recorded_at + interval '30 days', 'bench-loader', 'ACTIVE', status,
                       'synthetic end of the order'
                  FROM legal_order WHERE status IN ('TERMINATED', 'VACATED')""").update();
        jdbc.sql("""
                INSERT INTO legal_hold (id, person_id, source, issued_by, case_number, received_at, summary,
                       document_reference, status, recorded_at, recorded_by, decided_at, decided_by, facility_code)
                SELECT md5('hold' || j)::uuid, md5('person' || (1 + (j::bigint * 104729 + 17) % :pop))::uuid,
                       'COUNSEL_NOTICE', 'District Court ' || (j % 20), 'HC-' || j, now() - interval '400 days',
                       'Synthetic notice ' || j, NULL,
                       CASE WHEN j % 50 = 0 THEN 'PROVISIONAL' ELSE 'WITHDRAWN' END,
                       now() - interval '400 days', 'bench-loader',
                       CASE WHEN j % 50 = 0 THEN NULL ELSE now() - interval '399 days' END,
                       CASE WHEN j % 50 = 0 THEN NULL ELSE 'bench-verifier' END, 'CECOT'
                  FROM generate_series(1, :n) j""").param("pop", population).param("n", records - orders).update();
        jdbc.sql("""
                INSERT INTO legal_review (id, person_id, country, sources_checked, conclusion, reviewed_at, reviewed_by)
                SELECT gen_random_uuid(), md5('person' || i)::uuid, c, 'EOIR, PACER, counsel', 'synthetic review',
                       now() - interval '1 day' * (i %% 40), 'bench-reviewer'
                  FROM generate_series(1, :n) i CROSS JOIN unnest(%s) c""".formatted(countries))
                .param("n", population).update();
        jdbc.sql("""
                INSERT INTO legal_notice (id, person_id, country, served_at, to_person, to_counsel, language, method,
                       explains_how_to_contest, recorded_at, recorded_by)
                SELECT gen_random_uuid(), md5('person' || i)::uuid, (%s)[1 + (i + 3) %% 10],
                       now() - interval '1 hour' * (i %% 200), true, i %% 4 <> 0, 'es', 'in person, written', true,
                       now() - interval '1 hour' * (i %% 200), 'bench-loader'
                  FROM generate_series(1, :n) i""".formatted(countries)).param("n", population).update();
        jdbc.sql("""
                INSERT INTO legal_fear_claim (id, person_id, country, raised_at, summary, status, recorded_at,
                       recorded_by)
                SELECT gen_random_uuid(), md5('person' || i)::uuid, (%s)[1 + (i + 3) %% 10], now() - interval '3 days',
                       'synthetic fear claim', 'UNRESOLVED', now() - interval '3 days', 'bench-loader'
                  FROM generate_series(1, :n, 97) i""".formatted(countries)).param("n", population).update();
        jdbc.sql("""
                INSERT INTO legal_injunction (id, issued_by, case_number, decided_on, status, effective_from,
                       document_reference, summary, nationalities, removal_basis, facilities, arrested_from,
                       arrested_to, recorded_at, recorded_by)
                SELECT gen_random_uuid(), 'District Court ' || k, 'CLASS-' || k, DATE '2025-03-15',
                       CASE WHEN k %% 4 = 0 THEN 'VACATED' ELSE 'ACTIVE' END, DATE '2025-03-15', 'ECF-' || k,
                       'synthetic class injunction', ARRAY[(%s)[1 + k %% 10]],
                       CASE WHEN k %% 2 = 0 THEN 'ALIEN_ENEMIES_ACT' END,
                       CASE WHEN k %% 2 = 1 THEN ARRAY['FAR-' || k] ELSE '{}' END,
                       CASE WHEN k %% 3 = 0 THEN DATE '2019-01-01' END, NULL, now() - interval '300 days',
                       'bench-loader'
                  FROM generate_series(1, 40) k""".formatted(countries)).update();
    }

    void policies() {
        LegalService legal = context.getBean(LegalService.class);
        Instant from = Instant.now().minus(Duration.ofDays(365));
        legal.setPolicy(Policy.Name.NOTICE_WINDOW_HOURS, "72", from, "synthetic policy: notice 72 hours before");
        legal.setPolicy(Policy.Name.FEAR_CLAIM_BLOCKS, "true", from, "synthetic policy: a fear claim blocks");
        legal.setPolicy(Policy.Name.REVIEW_FRESHNESS_DAYS, "30", from, "synthetic policy: reviews last 30 days");
    }

    /**
     * Removals of random people in cells to a random country, on a final order or, one in five, under the Alien
     * Enemies Act; the register's countries, so every rule has something to judge.
     */
    List<VettingRequest> removals(int count, Random random) {
        var people = jdbc.sql("""
                SELECT person_id, location_id FROM whereabouts WHERE kind = 'IN_CELL'
                 ORDER BY md5(person_id::text || 'removal') LIMIT :n""").param("n", count)
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        List<VettingRequest> requests = new ArrayList<>();
        Instant now = Instant.now();
        for (UUID[] p : people) {
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            VettingRequest.Basis basis = random.nextInt(5) == 0
                    ? new VettingRequest.Basis("ALIEN_ENEMIES_ACT", "Proclamation 10903")
                    : new VettingRequest.Basis("FINAL_ORDER", "EOIR final order");
            requests.add(new VettingRequest(p[0], MovementAction.REMOVAL, VettingBench.CECOT, p[1], null, null,
                    country, "Ministry of the Interior of " + country, null, now, basis));
        }
        return requests;
    }
}
