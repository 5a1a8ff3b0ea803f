import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.habeas.access.Role;
import org.habeas.custody.ConsistencyReport;
import org.habeas.custody.DailyPopulation;
import org.habeas.custody.roll.RollCall;
import org.habeas.estate.EstateService;
import org.habeas.estate.Expansion;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.Layout;
import org.habeas.estate.NewExpansion;
import org.habeas.estate.NewFacility;
import org.habeas.estate.SeparationPolicy;
import org.habeas.oversight.CapacityForecast;
import org.habeas.oversight.EstateOverview;
import org.habeas.oversight.EstateView;
import org.habeas.oversight.Forecast;
import org.habeas.oversight.PopulationStatistics;
import org.habeas.oversight.Safeguards;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The oversight benchmark (issue: at 10 facilities, 150,000 people held and 10,000,000 movements of history, the
 * estate view and the safeguards list p95 ≤ 100 ms, a year of daily population statistics for one facility ≤ 300 ms,
 * the capacity forecast ≤ 200 ms; each against the bare SQL of the same figures in the same run). Starts the
 * application on a temporary data directory and calls the oversight services directly, as a signed-in officer.
 *
 * <ol>
 *   <li>The estate through EstateService: FACILITIES open facilities F01.. (America/El_Salvador), each with modules of
 *       32 cells (certified normal 48, operational 60, maximum 64; 210 m², F01's 100 m² so that its cells are above
 *       their ICRC area-based places, as CECOT's are) designated by module: M1-M4 untried men, M5-M6 convicted men,
 *       M7 civil (immigration) men, M8 untried women; enough modules for HELD / FACILITIES people. An expansion
 *       project (a ninth module, PLANNED) on F02 and F03, and a PLANNED facility P01 with its planned places and
 *       floor area.</li>
 *   <li>By bulk SQL (setup, not journaled), a steady-state register: every one of the HELD places ("slots", spread
 *       round the facilities' cells) has held a succession of people over about three years, each for one period of
 *       ~199 days, back to back with a vacancy of 2 to 49 hours between two people; the last of them is held now
 *       (admitted at a random point of the last period), the five before are earlier, ended custody episodes. A
 *       fifth of each facility's slots came into use at a random date over the three years, so the population grows
 *       by about a fifth over the history (the forecast has a trend to project). Each episode is ADMITTED, PLACED an
 *       hour later, MOVED between its cell and the next one of its module at an even cadence chosen so the ledger
 *       has MOVEMENTS rows in all, and ends RELEASED (or REMOVED for most immigration detainees; DIED, ESCAPED or
 *       TRANSFERRED_OUT to the next facility, ARRIVED there and released, for a few); the episode held now has moved
 *       an even number of times, so it is back in its own cell. Movements are written in time order, window by
 *       window, as a ledger that grew over three years is laid out on disk. A few MOVED rows are corrected (V62). Each
 *       person (one per episode) has a birth date (or a year, an estimated age, or nothing), a recorded sex and a
 *       nationality, and each episode its sex and legal status by the module, so the category splits are meaningful;
 *       a few people held are of a legal status their module is not designated for (separation breaches). Some
 *       detention authorities renewed (a few with their review overdue), most deaths and escapes reported.</li>
 *   <li>Times, after a warm-up, RUNS calls of each service call against RUNS replays of the statements that very
 *       call sent (bench/lib/BareSql.java; a call that writes, the statistics' journal entry, is recorded inside a
 *       transaction rolled back, so its statements can be replayed); p50/p95/max of each, the statements that take
 *       the longest, EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the heavier calls. Then
 *       RollCall.check().</li>
 * </ol>
 * The hourly roll checkpoint job is disabled for the run: right after a three-year history is loaded it would catch
 * up on a thousand daily checkpoints while the calls are timed, and none of these calls reads checkpoints.
 * Usage: OversightBench [facilities] [held] [movements] [runs]
 */
public class OversightBench {

    static final ZoneId ZONE = ZoneId.of("America/El_Salvador");
    static final int MODULE_CELLS = 32;
    static final int CNA = 48;
    static final int OPERATIONAL = 60;
    static final int MAXIMUM = 64;
    /** People per cell the layout is sized for (below the operational capacity). */
    static final int FILL = 58;
    static final int MIN_MODULES = 8;
    /** Earlier, ended episodes per slot. */
    static final int EARLIER = 5;
    static final double HISTORY_DAYS = 1095;
    /** Days each person holds a slot (vacancy included): five earlier periods and half of the current one. */
    static final double PERIOD_DAYS = HISTORY_DAYS / (EARLIER + 0.5);
    /** The share of each facility's slots in use from the start of the history; the rest come into use over it. */
    static final double BASE_SHARE = 0.8;
    static final int ROWS_PER_STATEMENT = 400_000;
    static final String PLANNED = "P01";
    static final String ON_ROLL = "('IN_CELL','RECEPTION','TEMPORARILY_OUT')";

    public static void main(String[] args) throws Exception {
        int facilities = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int held = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        long movements = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        if (facilities < 1 || facilities > 99 || held < facilities || runs < 1) {
            throw new IllegalArgumentException("usage: OversightBench [facilities 1-99] [held >= facilities]"
                    + " [movements] [runs >= 1]");
        }
        // Spring's "-": the scheduled roll checkpoint job is not scheduled in this run (see above).
        System.setProperty("habeas.custody.roll-checkpoint-cron", "-");
        InProcess.run("oversight", EnumSet.of(Role.INTAKE, Role.HOUSING, Role.DIRECTOR, Role.SUPERVISOR,
                Role.INSPECTOR, Role.ADMIN), context -> {
            System.out.printf("machine: %d cores; facilities=%d held=%,d movements=%,d runs=%d%n",
                    Runtime.getRuntime().availableProcessors(), facilities, held, movements, runs);
            new OversightBench(context).run(facilities, held, movements, runs);
        });
    }

    private final EstateService estate;
    private final EstateOverview overview;
    private final PopulationStatistics statistics;
    private final CapacityForecast forecast;
    private final RollCall rollCall;
    private final BareSql bare;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OversightBench(ConfigurableApplicationContext context) {
        this.estate = context.getBean(EstateService.class);
        this.overview = context.getBean(EstateOverview.class);
        this.statistics = context.getBean(PopulationStatistics.class);
        this.forecast = context.getBean(CapacityForecast.class);
        this.rollCall = context.getBean(RollCall.class);
        this.bare = BareSql.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    static String code(int facility) {
        return "F%02d".formatted(facility);
    }

    void run(int facilities, int held, long movements, int runs) {
        long loadStarted = System.nanoTime();
        int perFacility = (held + facilities - 1) / facilities;
        int modules = Math.max(MIN_MODULES, (perFacility + MODULE_CELLS * FILL - 1) / (MODULE_CELLS * FILL));
        long t = System.nanoTime();
        buildEstate(facilities, modules);
        System.out.printf("setup: %d open facilities of %d modules x %d cells, %d expansion projects, planned"
                        + " facility %s, through EstateService in %.1f s%n", facilities, modules, MODULE_CELLS,
                Math.min(2, Math.max(0, facilities - 1)), PLANNED, secs(t));

        // Everything after this is relative to one instant, a minute back, so that no movement is in the future.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
        t = System.nanoTime();
        int m = plan(facilities, held, modules, movements, now);
        System.out.printf("setup: planned %,d episodes, a person each (%,d held now, %,d earlier), %d moves per"
                        + " earlier episode, in %.1f s%n", count("bench_ov_episode"),
                count("bench_ov_episode WHERE g = 0"), count("bench_ov_episode WHERE g > 0"), m, secs(t));

        t = System.nanoTime();
        people();
        System.out.printf("setup: %,d people (person, revision, facility links, %,d nationalities) in %.1f s%n",
                count("person"), count("person_nationality"), secs(t));

        t = System.nanoTime();
        episodes();
        System.out.printf("setup: %,d custody episodes (%,d open) in %.1f s%n", count("custody_episode"),
                count("custody_episode WHERE ended_at IS NULL"), secs(t));

        t = System.nanoTime();
        long written = ledger();
        System.out.printf("setup: %,d movements written in time order in %.1f s%n", written, secs(t));

        t = System.nanoTime();
        long corrections = corrections(now);
        whereabouts();
        safeguardsData(now);
        System.out.printf("setup: %,d corrections, whereabouts of %,d people, cell occupancy, %,d detention"
                        + " authorities, %,d incident reports in %.1f s%n", corrections, count("whereabouts"),
                count("legal_detention_authority"), count("oversight_incident_report"), secs(t));

        jdbc.sql("DROP TABLE bench_ov_episode").update();
        jdbc.sql("DROP TABLE bench_ov_slot").update();
        jdbc.sql("DROP TABLE bench_ov_cell").update();
        t = System.nanoTime();
        jdbc.sql("VACUUM (ANALYZE)").update();
        System.out.printf("setup: VACUUM (ANALYZE) in %.1f s%n", secs(t));
        double loadSeconds = secs(loadStarted);
        String rowCounts = rowCounts();
        System.out.printf("load: %.1f s in all (%.1f min)%n%s", loadSeconds, loadSeconds / 60, rowCounts);

        String f1 = code(1);
        sanity(f1);
        measureAll(f1, runs, loadSeconds, rowCounts);

        t = System.nanoTime();
        ConsistencyReport report = rollCall.check();
        System.out.printf("RollCall.check(): %s in %.1f s (%,d people in custody, %,d locations)%s%n",
                report.consistent() ? "CONSISTENT" : "INCONSISTENT", secs(t), report.peopleInCustody(),
                report.locationsChecked(), report.consistent() ? "" : " " + report.differences().subList(0,
                        Math.min(5, report.differences().size())));
    }

    // ---- the estate, through the service

    void buildEstate(int facilities, int modules) {
        LocalDate today = LocalDate.now(ZONE);
        List<String> regions = List.of("San Salvador", "La Libertad", "Santa Ana", "San Miguel", "San Vicente",
                "Sonsonate", "Usulután", "La Paz", "Chalatenango", "Cuscatlán", "Ahuachapán", "Morazán", "La Unión",
                "Cabañas");
        for (int f = 1; f <= facilities; f++) {
            String region = regions.get((f - 1) % regions.size());
            estate.createFacility(new NewFacility(code(f), "Centro Penal " + region + " " + f, "SV", region, region,
                    null, null, ZONE, f % 4 == 3 ? FacilityType.PRE_TRIAL_CENTRE : FacilityType.PRISON,
                    "Dirección General de Centros Penales", "Procuraduría para la Defensa de los Derechos Humanos",
                    LocalDate.of(2015, 1, 1), FacilityStatus.OPEN));
            estate.importLayout(code(f), layout(1, modules, f == 1 ? "100.00" : "210.00"), null);
        }
        for (int f = 2; f <= Math.min(3, facilities); f++) {
            Expansion expansion = estate.createExpansion(code(f), new NewExpansion("Módulo " + (modules + 1),
                    today.plusDays(f == 2 ? 180 : 400), "ampliación de la capacidad"));
            estate.importLayout(code(f), layout(modules + 1, modules + 1, "210.00"), expansion.id());
        }
        estate.createFacility(new NewFacility(PLANNED, "Centro Penal en construcción", "SV", "Cabañas", "Ilobasco",
                null, null, ZONE, FacilityType.PRISON, "Dirección General de Centros Penales",
                "Procuraduría para la Defensa de los Derechos Humanos", today.plusDays(300), FacilityStatus.PLANNED));
        estate.recordPlannedCapacity(PLANNED, 20_000, new BigDecimal("68000.00"));
    }

    /** Modules {@code from} to {@code to} with their cells; each module designated as its number says (see above). */
    static Layout layout(int from, int to, String area) {
        List<Layout.Entry> entries = new ArrayList<>();
        for (int m = from; m <= to; m++) {
            SeparationPolicy.Sex sex = m % 8 == 0 ? SeparationPolicy.Sex.FEMALE : SeparationPolicy.Sex.MALE;
            SeparationPolicy.Detention detention = m % 8 == 5 || m % 8 == 6 ? SeparationPolicy.Detention.CONVICTED
                    : m % 8 == 7 ? SeparationPolicy.Detention.CIVIL : SeparationPolicy.Detention.UNTRIED;
            entries.add(new Layout.Entry("M" + m, null, "MODULE", "Módulo " + m, null, null, null, null, null, null,
                    null, null, null, sex, SeparationPolicy.AgeGroup.ADULTS, detention));
            for (int c = 1; c <= MODULE_CELLS; c++) {
                entries.add(new Layout.Entry("M%d-C%02d".formatted(m, c), "M" + m, "CELL", null, CNA, OPERATIONAL,
                        MAXIMUM, new BigDecimal(area), null, null, null, null, null, null, null, null));
            }
        }
        return new Layout(Layout.FORMAT, entries);
    }

    // ---- the register's plan: cells, slots, episodes (helper tables, dropped after the load)

    /** Writes the helper tables and answers the moves per earlier episode that give about {@code movements} rows. */
    int plan(int facilities, int held, int modules, long movements, OffsetDateTime now) {
        int cells = modules * MODULE_CELLS;
        jdbc.sql("""
                CREATE TABLE bench_ov_cell AS
                WITH c AS (
                    SELECT l.facility_code, l.id, substring(split_part(l.path_key, '-', 2) FROM 2)::int AS module,
                           substring(split_part(l.path_key, '-', 3) FROM 2)::int - 1 AS pos
                      FROM location l
                     WHERE l.kind = 'CELL' AND l.status = 'ACTIVE' AND l.facility_code LIKE 'F%')
                SELECT c.facility_code, (c.module - 1) * :cpm + c.pos AS i, c.module, c.pos, c.id, n.id AS neighbour
                  FROM c JOIN c n ON n.facility_code = c.facility_code AND n.module = c.module
                                 AND n.pos = (c.pos + 1) % :cpm""").param("cpm", MODULE_CELLS).update();
        jdbc.sql("CREATE UNIQUE INDEX ON bench_ov_cell (facility_code, i)").update();
        if (count("bench_ov_cell") != (long) cells * facilities) {
            throw new IllegalStateException("expected " + cells * facilities + " cells, found "
                    + count("bench_ov_cell"));
        }
        double per = (double) held / facilities;
        int cut = (int) Math.floor(per * BASE_SHARE);
        // Slot s: facility (s - 1) % F, w-th of its facility, its cell the w-th round the facility's cells; its
        // phase (how long ago its current person came) and, for a fifth of them, how long ago it came into use.
        jdbc.sql("""
                CREATE TABLE bench_ov_slot AS
                SELECT x.s, x.fi, x.w, c.facility_code, c.id AS home, c.neighbour, c.module,
                       CAST(:period AS double precision) * ((hashtext('ovs' || x.s) & 2147483647) % 100000) / 100000.0
                           AS phase_days,
                       CASE WHEN x.w >= :cut
                            THEN :days * (1 - (x.w - :cut + 0.5) / (CAST(:per AS double precision) - :cut)) END
                           AS start_days_ago
                  FROM (SELECT s, (s - 1) % :f AS fi, (s - 1) / :f AS w FROM generate_series(1, :held) s) x
                  JOIN bench_ov_cell c ON c.facility_code = 'F' || lpad((x.fi + 1)::text, 2, '0')
                                      AND c.i = x.w % :cells""")
                .param("period", PERIOD_DAYS).param("cut", cut).param("days", HISTORY_DAYS).param("per", per)
                .param("f", facilities).param("held", held).param("cells", cells).update();
        // One row per episode: g = 0 the person held now, g = 1..5 the people before, back to back.
        jdbc.sql("""
                CREATE TABLE bench_ov_episode0 AS
                SELECT s.s, g, g::bigint * :held + s.s AS pno, s.fi, s.w, s.facility_code, s.home, s.neighbour,
                       CASE WHEN s.module % 8 = 0 THEN 'FEMALE' ELSE 'MALE' END AS sex,
                       CASE WHEN g = 0 AND s.module % 8 BETWEEN 1 AND 4 AND s.w % 4999 = 17 THEN 'SENTENCED'
                            WHEN s.module % 8 IN (5, 6) THEN 'SENTENCED'
                            WHEN s.module % 8 = 7 THEN 'IMMIGRATION' ELSE 'PRE_TRIAL' END AS legal_status,
                       CAST(:now AS timestamptz) - (s.phase_days + g * :period) * interval '1 day' AS admitted_at,
                       CASE WHEN g > 0
                            THEN CAST(:now AS timestamptz) - (s.phase_days + (g - 1) * :period) * interval '1 day'
                                 - (2 + (hashtext('ovg' || s.s || '-' || g) & 2147483647) % 48) * interval '1 hour' END
                           AS released_at,
                       (hashtext('ove' || s.s || '-' || g) & 2147483647) % 100000 AS h
                  FROM bench_ov_slot s CROSS JOIN generate_series(0, :earlier) g
                 WHERE g = 0 OR s.start_days_ago IS NULL OR s.phase_days + g * :period <= s.start_days_ago""")
                .param("held", held).param("now", now).param("period", PERIOD_DAYS).param("earlier", EARLIER)
                .update();
        long earlier = count("bench_ov_episode0 WHERE g > 0");
        long transfers = facilities > 1 ? Math.round(earlier * 0.03) : 0;
        // Rows: an earlier episode m + 3 (+ 2 for a transfer); one held now 2 + about (m + 1) / 2 (half a period).
        long m = Math.round((movements - 3.0 * earlier - 2.0 * transfers - 2.5 * held) / (earlier + 0.5 * held));
        int moves = (int) Math.max(0, m);
        jdbc.sql("""
                CREATE TABLE bench_ov_episode AS
                SELECT row_number() OVER (ORDER BY e.admitted_at, e.s) AS n, e.*,
                       md5('ovp' || e.pno)::uuid AS person_id, md5('ovepisode' || e.pno)::uuid AS episode_id,
                       CASE e.legal_status WHEN 'SENTENCED' THEN 'SENTENCE'
                            WHEN 'IMMIGRATION' THEN 'IMMIGRATION_DETENTION_ORDER' ELSE 'DETENTION_ORDER' END
                           AS authority_type,
                       z.ends,
                       CASE WHEN z.ends = 'TRANSFER' THEN 'F' || lpad(((e.fi + 1) % :f + 1)::text, 2, '0') END
                           AS dest,
                       st.step_s, l.last, l.last + CASE WHEN z.ends = 'TRANSFER' THEN 2 ELSE 0 END AS total,
                       CASE WHEN e.g > 0 THEN e.released_at WHEN l.last = 0 THEN e.admitted_at
                            ELSE e.admitted_at + interval '1 hour' + (l.last - 1) * st.step_s * interval '1 second'
                       END AS end_at
                  FROM bench_ov_episode0 e
                 CROSS JOIN LATERAL (
                       SELECT CASE WHEN e.g = 0 THEN NULL WHEN e.h < 60 THEN 'DIED' WHEN e.h < 100 THEN 'ESCAPED'
                                   WHEN e.legal_status = 'IMMIGRATION' AND e.h % 10 < 6 THEN 'REMOVED'
                                   WHEN :f > 1 AND e.h % 100 < 3 THEN 'TRANSFER' ELSE 'RELEASED' END AS ends) z
                 CROSS JOIN LATERAL (
                       SELECT CASE WHEN e.g > 0
                                   THEN (extract(epoch FROM e.released_at - e.admitted_at) - 3600) / (:m + 1)
                                   ELSE (:period * 86400 - 3600) / (:m + 1) END::double precision AS step_s) st
                 CROSS JOIN LATERAL (
                       SELECT CASE WHEN e.g > 0 THEN :m + 2
                                   WHEN extract(epoch FROM CAST(:now AS timestamptz) - e.admitted_at) < 3600 THEN 0
                                   ELSE 1 + 2 * floor((extract(epoch FROM CAST(:now AS timestamptz) - e.admitted_at)
                                                       - 3600) / st.step_s / 2)::int END AS last) l""")
                .param("f", facilities).param("m", moves).param("period", PERIOD_DAYS).param("now", now).update();
        jdbc.sql("DROP TABLE bench_ov_episode0").update();
        jdbc.sql("ALTER TABLE bench_ov_episode ADD PRIMARY KEY (n)").update();
        jdbc.sql("ANALYZE bench_ov_episode").update();
        return moves;
    }

    // ---- people and episodes

    void people() {
        // Age at admission 18-74, most of them young; birth date in full (90 %), a year only (4 %), an estimated age
        // (4 %) or nothing (2 %).
        jdbc.sql("""
                INSERT INTO person (id, register_number, given_names, first_family_name, full_name, birth_precision,
                       birth_date, estimated_age, recorded_sex, interpreter_needed, identity_status, revision,
                       registered_at, updated_at)
                SELECT e.person_id, 'OV-2025-' || lpad(e.pno::text, 9, '0'), 'Persona ' || e.pno, 'Sintética',
                       'Persona ' || e.pno || ' Sintética',
                       CASE WHEN b.bucket < 90 THEN 'FULL' WHEN b.bucket < 94 THEN 'YEAR' ELSE 'UNKNOWN' END,
                       CASE WHEN b.bucket < 90 THEN b.born WHEN b.bucket < 94 THEN date_trunc('year', b.born)::date
                       END,
                       CASE WHEN b.bucket BETWEEN 94 AND 97 THEN b.age END,
                       e.sex, false, 'UNVERIFIED', 1, e.admitted_at, e.admitted_at
                  FROM bench_ov_episode e
                 CROSS JOIN LATERAL (SELECT (hashtext('ovb' || e.pno) & 2147483647) AS hb) x
                 CROSS JOIN LATERAL (
                       SELECT 18 + floor(57 * power((x.hb % 10000) / 10000.0, 2))::int AS age,
                              (x.hb / 10000) % 365 AS extra, (x.hb / 3650000) % 100 AS bucket) a
                 CROSS JOIN LATERAL (
                       SELECT a.age, a.bucket,
                              ((e.admitted_at AT TIME ZONE 'America/El_Salvador')::date
                               - make_interval(years => a.age) - a.extra * interval '1 day')::date AS born) b""")
                .update();
        jdbc.sql("""
                INSERT INTO person_revision (person_id, revision, kind, recorded_at, recorded_by, snapshot)
                SELECT person_id, 1, 'REGISTERED', admitted_at, 'bench-loader', '{}'::jsonb FROM bench_ov_episode""")
                .update();
        jdbc.sql("""
                INSERT INTO person_facility (person_id, facility_code, since)
                SELECT person_id, facility_code, admitted_at FROM bench_ov_episode
                 UNION ALL
                SELECT person_id, dest, released_at - interval '2 hours' FROM bench_ov_episode WHERE dest IS NOT NULL""")
                .update();
        // Immigration detainees are foreigners; of the others 85 % Salvadoran, 13 % of the region, 2 % unknown.
        jdbc.sql("""
                INSERT INTO person_nationality (id, person_id, country, determined_from, added_revision)
                SELECT md5('ovn' || e.pno)::uuid, e.person_id, c.country,
                       CASE WHEN c.country = 'SV' THEN 'NATIONAL_ID' ELSE 'PASSPORT' END, 1
                  FROM bench_ov_episode e
                 CROSS JOIN LATERAL (SELECT (hashtext('ovn' || e.pno) & 2147483647) % 1000 AS hn) x
                 CROSS JOIN LATERAL (
                       SELECT CASE WHEN e.legal_status = 'IMMIGRATION'
                                   THEN (ARRAY['GT','HN','NI','VE','MX','CO','CU','EC','HT','US'])[1 + x.hn % 10]
                                   WHEN x.hn < 20 THEN NULL WHEN x.hn < 870 THEN 'SV'
                                   ELSE (ARRAY['GT','HN','NI','VE','MX','CO','CU','EC','HT','US'])[1 + x.hn % 10]
                              END AS country) c
                 WHERE c.country IS NOT NULL""").update();
        jdbc.sql("ANALYZE person").update();
    }

    void episodes() {
        jdbc.sql("""
                INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile, authority_type,
                       issuing_authority, authority_date, authority_reference, grounds, admitted_at, admitted_by,
                       ended_at, end_kind)
                SELECT e.episode_id, e.person_id, e.facility_code, e.legal_status, e.sex, false, e.authority_type,
                       CASE e.legal_status WHEN 'SENTENCED' THEN 'Tribunal de Sentencia'
                            WHEN 'IMMIGRATION' THEN 'Dirección General de Migración y Extranjería'
                            ELSE 'Juzgado Especializado de Instrucción' END,
                       (e.admitted_at AT TIME ZONE 'America/El_Salvador')::date - 1, 'OV-' || e.n,
                       'régimen de excepción', e.admitted_at, 'bench-loader', e.released_at,
                       CASE e.ends WHEN 'DIED' THEN 'DECEASED' WHEN 'ESCAPED' THEN 'ESCAPED'
                            WHEN 'REMOVED' THEN 'REMOVED' WHEN 'RELEASED' THEN 'RELEASED' WHEN 'TRANSFER' THEN 'RELEASED'
                       END
                  FROM bench_ov_episode e ORDER BY e.n""").update();
        jdbc.sql("ANALYZE custody_episode").update();
    }

    // ---- the ledger

    /**
     * Every episode's movements, window by window of time and in time order within each, as a ledger written over
     * three years lies on disk. Step j of an episode: 0 ADMITTED; 1 PLACED an hour later in its cell; 2.. MOVED, at
     * an even cadence, to the next cell of the module and back; for an earlier episode the last step ends it (at its
     * release time), and a transfer adds ARRIVED at the next facility and RELEASED there.
     */
    long ledger() {
        long rows = jdbc.sql("SELECT sum(total + 1) FROM bench_ov_episode").query(Long.class).single();
        OffsetDateTime first = jdbc.sql("SELECT min(admitted_at) FROM bench_ov_episode")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
        OffsetDateTime last = jdbc.sql("SELECT max(end_at) FROM bench_ov_episode")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single().plusSeconds(1);
        int windows = (int) Math.max(1, (rows + ROWS_PER_STATEMENT - 1) / ROWS_PER_STATEMENT);
        long span = ChronoUnit.SECONDS.between(first, last);
        long written = 0;
        long t = System.nanoTime();
        for (int k = 0; k < windows; k++) {
            OffsetDateTime w0 = first.plusSeconds(span * k / windows);
            OffsetDateTime w1 = k == windows - 1 ? last : first.plusSeconds(span * (k + 1) / windows);
            written += jdbc.sql(MOVEMENTS).param("w0", w0).param("w1", w1).update();
            if (k % 5 == 4 || k == windows - 1) {
                System.out.printf("  ... %,d of %,d movements, %.0f s%n", written, rows, secs(t));
            }
        }
        if (written != rows) {
            throw new IllegalStateException("wrote " + written + " movements, planned " + rows);
        }
        return written;
    }

    private static final String MOVEMENTS = """
            INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state, facility_code,
                   from_location, to_location, destination, authority, actor, particulars, from_state, from_facility,
                   from_destination)
            SELECT md5('ovm' || e.n || '-' || j)::uuid, e.person_id, e.episode_id, x.kind, t.at, t.at, x.to_state,
                   x.facility, x.from_location, x.to_location, x.destination, x.authority, 'bench-loader',
                   x.particulars, x.from_state, x.from_facility, x.from_destination
              FROM bench_ov_episode e
             CROSS JOIN LATERAL (
                   SELECT floor((extract(epoch FROM CAST(:w0 AS timestamptz) - e.admitted_at) - 3600) / e.step_s)::int
                              AS lo,
                          floor((extract(epoch FROM CAST(:w1 AS timestamptz) - e.admitted_at) - 3600) / e.step_s)::int
                              + 1 AS hi) b
             CROSS JOIN LATERAL generate_series(greatest(0, b.lo),
                   CASE WHEN b.hi >= e.last - 1 THEN e.total ELSE b.hi END) j
             CROSS JOIN LATERAL (
                   SELECT CASE WHEN j = 0 THEN e.admitted_at
                               WHEN e.g > 0 AND j >= e.last
                               THEN e.released_at - CASE WHEN e.ends <> 'TRANSFER' OR j = e.last + 2 THEN interval '0'
                                                         WHEN j = e.last THEN interval '6 hours'
                                                         ELSE interval '2 hours' END
                               ELSE e.admitted_at + interval '1 hour' + (j - 1) * e.step_s * interval '1 second'
                          END AS at,
                          CASE WHEN j = 0 THEN 'ADMITTED'
                               WHEN e.g = 0 OR j < e.last THEN CASE WHEN j = 1 THEN 'PLACED' ELSE 'MOVED' END
                               WHEN j = e.last THEN e.ends
                               WHEN j = e.last + 1 THEN 'ARRIVED' ELSE 'RELEASED_THERE' END AS step,
                          CASE WHEN (j - 1) % 2 = 0 THEN e.home ELSE e.neighbour END AS cell,
                          CASE WHEN (j - 2) % 2 = 0 THEN e.home ELSE e.neighbour END AS cell_before) t
             CROSS JOIN LATERAL (
                   SELECT CASE t.step WHEN 'TRANSFER' THEN 'TRANSFERRED_OUT' WHEN 'RELEASED_THERE' THEN 'RELEASED'
                               ELSE t.step END AS kind,
                          CASE t.step WHEN 'ADMITTED' THEN 'RECEPTION' WHEN 'PLACED' THEN 'IN_CELL'
                               WHEN 'MOVED' THEN 'IN_CELL' WHEN 'DIED' THEN 'DECEASED' WHEN 'ESCAPED' THEN 'ESCAPED'
                               WHEN 'REMOVED' THEN 'REMOVED' WHEN 'TRANSFER' THEN 'IN_TRANSIT'
                               WHEN 'ARRIVED' THEN 'RECEPTION' ELSE 'RELEASED' END AS to_state,
                          CASE WHEN t.step IN ('ARRIVED', 'RELEASED_THERE') THEN e.dest ELSE e.facility_code END
                              AS facility,
                          CASE WHEN t.step IN ('ADMITTED', 'PLACED', 'ARRIVED', 'RELEASED_THERE') THEN NULL
                               ELSE t.cell_before END AS from_location,
                          CASE WHEN t.step IN ('PLACED', 'MOVED') THEN t.cell END AS to_location,
                          CASE t.step WHEN 'RELEASED' THEN 'a su familia' WHEN 'RELEASED_THERE' THEN 'a su familia'
                               WHEN 'TRANSFER' THEN e.dest
                               WHEN 'REMOVED' THEN (ARRAY['GT','HN','NI','VE','MX','CO'])[1 + e.h % 6] END
                              AS destination,
                          CASE t.step WHEN 'RELEASED' THEN 'Juzgado de Paz' WHEN 'RELEASED_THERE' THEN 'Juzgado de Paz'
                               WHEN 'REMOVED' THEN 'Dirección General de Migración y Extranjería'
                               WHEN 'TRANSFER' THEN 'Dirección General de Centros Penales' END AS authority,
                          CASE WHEN t.step = 'ADMITTED'
                               THEN jsonb_build_object('authority', e.authority_type)
                               WHEN t.step IN ('RELEASED', 'RELEASED_THERE')
                               THEN '{"identityChecked": true, "identityCheckedBy": "bench"}'::jsonb
                               ELSE '{}'::jsonb END AS particulars,
                          CASE t.step WHEN 'ADMITTED' THEN NULL WHEN 'PLACED' THEN 'RECEPTION'
                               WHEN 'ARRIVED' THEN 'IN_TRANSIT' WHEN 'RELEASED_THERE' THEN 'RECEPTION'
                               ELSE 'IN_CELL' END AS from_state,
                          CASE t.step WHEN 'ADMITTED' THEN NULL WHEN 'RELEASED_THERE' THEN e.dest
                               ELSE e.facility_code END AS from_facility,
                          CASE WHEN t.step = 'ARRIVED' THEN e.dest END AS from_destination) x
             WHERE e.admitted_at < CAST(:w1 AS timestamptz) AND e.end_at >= CAST(:w0 AS timestamptz)
               AND t.at >= CAST(:w0 AS timestamptz) AND t.at < CAST(:w1 AS timestamptz)
             ORDER BY t.at, e.n, j
            """;

    /** A few MOVED rows of earlier episodes corrected (V62): the time, half an hour earlier, recorded a day after. */
    long corrections(OffsetDateTime now) {
        return jdbc.sql("""
                INSERT INTO movement (id, person_id, episode_id, kind, corrected_kind, corrects, occurred_at,
                       recorded_at, to_state, facility_code, from_location, to_location, actor, reason, particulars,
                       from_state, from_facility)
                SELECT md5('ovc' || m.id)::uuid, m.person_id, m.episode_id, 'CORRECTED', 'MOVED', m.id,
                       m.occurred_at - interval '30 minutes',
                       least(CAST(:now AS timestamptz), m.occurred_at + interval '1 day'), m.to_state,
                       m.facility_code, m.from_location, m.to_location, 'bench-loader',
                       'hora del traslado corregida', '{}'::jsonb, m.from_state, m.from_facility
                  FROM bench_ov_episode e JOIN movement m ON m.id = md5('ovm' || e.n || '-2')::uuid
                 WHERE e.g > 0 AND e.last > 3 AND e.n % 5000 = 7
                 ORDER BY m.occurred_at""").param("now", now).update();
    }

    /** Where the people held now are (their last movement), and the cells' occupancy from that. */
    void whereabouts() {
        jdbc.sql("""
                INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, location_id, since,
                       last_movement, version)
                SELECT e.person_id, e.episode_id, CASE WHEN e.last = 0 THEN 'RECEPTION' ELSE 'IN_CELL' END,
                       e.facility_code,
                       CASE WHEN e.last = 0 THEN NULL WHEN (e.last - 1) % 2 = 0 THEN e.home ELSE e.neighbour END,
                       e.end_at, md5('ovm' || e.n || '-' || e.last)::uuid, e.last + 1
                  FROM bench_ov_episode e WHERE e.g = 0""").update();
        jdbc.sql("""
                UPDATE location l SET population = c.people
                  FROM (SELECT location_id, count(*) AS people FROM whereabouts WHERE kind = 'IN_CELL'
                         GROUP BY location_id) c
                 WHERE l.id = c.location_id AND l.population <> c.people""").update();
    }

    /**
     * What the safeguards list has to find: detention authorities renewed a month after admission for half of the
     * people held over 60 days (review due after 180 days; for about one in a hundred after 20 days, so overdue, and
     * for a few it has expired), and the reports of the deaths and escapes older than 60 days but one in ten.
     */
    void safeguardsData(OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO legal_detention_authority (id, person_id, episode_id, type, issued_by, issued_on,
                       document_reference, valid_until, review_due, recorded_at, recorded_by)
                SELECT md5('ovd' || e.n)::uuid, e.person_id, e.episode_id,
                       CASE WHEN e.legal_status = 'SENTENCED' THEN 'REVIEW_DECISION' ELSE 'DETENTION_RENEWAL' END,
                       'Juzgado de Instrucción de ' || e.facility_code, d.issued, 'REN-' || e.n,
                       d.issued + CASE WHEN e.h % 1000 < 3 THEN 25 ELSE 365 END,
                       d.issued + CASE WHEN e.h % 1000 < 13 THEN 20 ELSE 180 END,
                       e.admitted_at + interval '30 days', 'bench-loader'
                  FROM bench_ov_episode e
                 CROSS JOIN LATERAL (SELECT (e.admitted_at AT TIME ZONE 'America/El_Salvador')::date + 30 AS issued) d
                 WHERE e.g = 0 AND e.admitted_at < CAST(:now AS timestamptz) - interval '60 days' AND e.h % 2 = 0""")
                .param("now", now).update();
        jdbc.sql("""
                INSERT INTO oversight_incident_report (incident_id, incident_kind, authority, reference, reported_on,
                       recorded_at, recorded_by)
                SELECT m.id, CASE m.kind WHEN 'DIED' THEN 'DEATH' ELSE 'ESCAPE' END,
                       'Fiscalía General de la República', 'FGR-' || left(m.id::text, 8),
                       (m.occurred_at AT TIME ZONE 'America/El_Salvador')::date + 3, m.occurred_at + interval '3 days',
                       'bench-loader'
                  FROM movement m
                 WHERE m.kind IN ('DIED', 'ESCAPED') AND m.occurred_at < CAST(:now AS timestamptz) - interval '60 days'
                   AND (hashtext(m.id::text) & 2147483647) % 10 <> 0""").param("now", now).update();
    }

    String rowCounts() {
        StringBuilder s = new StringBuilder();
        s.append("rows: facilities %d open + %d planned; locations %,d (cells %,d, of them PLANNED %,d)%n".formatted(
                count("facility WHERE status = 'OPEN'"), count("facility WHERE status = 'PLANNED'"),
                count("location"), count("location WHERE kind = 'CELL'"),
                count("location WHERE kind = 'CELL' AND status = 'PLANNED'")));
        s.append("rows: people held %,d (in cells %,d, in reception %,d); custody episodes %,d (%,d ended);"
                        .formatted(count("whereabouts"), count("whereabouts WHERE kind = 'IN_CELL'"),
                                count("whereabouts WHERE kind = 'RECEPTION'"), count("custody_episode"),
                                count("custody_episode WHERE ended_at IS NOT NULL")))
                .append(" people %,d%n".formatted(count("person")));
        Map<String, Long> kinds = new TreeMap<>();
        jdbc.sql("SELECT kind, count(*) AS rows FROM movement GROUP BY kind").query().listOfRows()
                .forEach(row -> kinds.put((String) row.get("kind"), ((Number) row.get("rows")).longValue()));
        s.append("rows: movements %,d %s, over %s to %s; correlation of occurred_at with the heap order %s%n"
                .formatted(count("movement"), kinds,
                        jdbc.sql("SELECT min(occurred_at)::date FROM movement").query(String.class).single(),
                        jdbc.sql("SELECT max(occurred_at)::date FROM movement").query(String.class).single(),
                        jdbc.sql("SELECT correlation FROM pg_stats WHERE tablename = 'movement'"
                                + " AND attname = 'occurred_at'").query(String.class).optional().orElse("?")));
        return s.toString();
    }

    // ---- what the figures say, checked independently of the services

    void sanity(String facility) {
        LocalDate today = estate.facilityOnly(facility).today(Instant.now());
        LocalDate from = today.minusDays(364);
        OffsetDateTime since = from.atStartOfDay(ZONE).toOffsetDateTime();
        long all = jdbc.sql("SELECT count(*) FROM movement WHERE facility_code = :f").param("f", facility)
                .query(Long.class).single();
        long year = jdbc.sql("SELECT count(*) FROM movement WHERE facility_code = :f AND occurred_at >= :since")
                .param("f", facility).param("since", since).query(Long.class).single();
        System.out.printf("%s: %,d movements in its ledger, %,d of them (%.0f %%) since %s, the year the statistics"
                + " read%n", facility, all, year, 100.0 * year / Math.max(1, all), from);
        // A forward replay of the ledger (+1 where each standing movement led, -1 where it came from) up to the end of
        // the first day of the year: the service works it back from now instead.
        long replayed = jdbc.sql("""
                SELECT coalesce(sum(CASE WHEN m.facility_code = :f AND m.to_state IN %1$s THEN 1 ELSE 0 END)
                              - sum(CASE WHEN m.from_facility = :f AND m.from_state IN %1$s THEN 1 ELSE 0 END), 0)
                  FROM movement m
                 WHERE (m.facility_code = :f OR m.from_facility = :f) AND m.occurred_at < :end
                   AND NOT EXISTS (SELECT 1 FROM movement c WHERE c.corrects = m.id)""".formatted(ON_ROLL))
                .param("f", facility).param("end", from.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime())
                .query(Long.class).single();
        long counted = jdbc.sql("""
                SELECT coalesce(sum(arrived), 0) FROM movement_day_count
                 WHERE facility_code = :f AND day BETWEEN :from AND :to""").param("f", facility).param("from", from)
                .param("to", today).query(Long.class).single();
        PopulationStatistics.Report report = statistics.population(facility, from, today, null);
        List<DailyPopulation> rows = report.rows();
        DailyPopulation firstDay = rows.get(0);
        DailyPopulation lastDay = rows.get(rows.size() - 1);
        long arrivals = rows.stream().mapToLong(DailyPopulation::arrivals).sum();
        long departures = rows.stream().mapToLong(DailyPopulation::departures).sum();
        System.out.printf("statistics %s %s..%s: %d rows; population %,d at the end of %s (forward replay of the"
                        + " ledger: %,d) and %,d today (on the roll now: %,d); over the year %,d arrivals"
                        + " (movement_day_count: %,d), %,d departures (%,d releases, %,d removals, %,d transfers out,"
                        + " %,d deaths, %,d escapes)%n", facility, from, today, rows.size(), firstDay.population(),
                firstDay.day(), replayed, lastDay.population(), jdbc.sql("SELECT count(*) FROM whereabouts"
                        + " WHERE facility_code = :f AND kind IN " + ON_ROLL).param("f", facility).query(Long.class)
                        .single(), arrivals, counted, departures,
                rows.stream().mapToLong(DailyPopulation::releases).sum(),
                rows.stream().mapToLong(DailyPopulation::removals).sum(),
                rows.stream().mapToLong(DailyPopulation::transfersOut).sum(),
                rows.stream().mapToLong(DailyPopulation::deaths).sum(),
                rows.stream().mapToLong(DailyPopulation::escapes).sum());
        if (firstDay.population() != replayed || arrivals != counted) {
            System.out.println("  WARNING: the statistics disagree with the ledger");
        }
        for (String by : List.of("sex", "ageGroup", "nationality", "legalStatus")) {
            List<DailyPopulation> split = statistics.population(facility, from, today, by).rows();
            Map<String, long[]> byCategory = new TreeMap<>();
            for (DailyPopulation r : split) {
                long[] firstLast = byCategory.computeIfAbsent(r.category(), c -> new long[] {-1, 0});
                if (r.day().equals(from)) {
                    firstLast[0] = r.population();
                }
                if (r.day().equals(today)) {
                    firstLast[1] = r.population();
                }
            }
            StringBuilder line = new StringBuilder();
            byCategory.forEach((c, v) -> line.append(' ').append(c).append(' ').append(v[0]).append("->")
                    .append(v[1]));
            System.out.printf("  by %s (%d rows), population on %s -> today:%s%n", by, split.size(), from, line);
        }
        EstateView view = overview.view();
        System.out.printf("estate view: %d facilities, open total: population %,d, cells %,d, operational %,d,"
                        + " maximum %,d, ICRC places %,d, expansions %d, planned %s%n", view.facilities().size(),
                view.openTotal().population(), view.openTotal().cells(), view.openTotal().operational(),
                view.openTotal().maximum(), view.openTotal().icrcPlaces(),
                view.facilities().stream().mapToInt(f -> f.expansions().size()).sum(),
                view.facilities().stream().filter(f -> f.planned() != null).map(f -> f.facility().code() + " "
                        + f.planned().places() + " places").toList());
        Safeguards safeguards = overview.safeguards(null);
        long[] s = new long[6];
        for (Safeguards.FacilitySafeguards f : safeguards.facilities()) {
            s[0] += f.authorities().size();
            s[1] += f.cellsAboveCapacity().size();
            s[2] += f.separationBreaches().size();
            s[3] += f.heldTogether().size();
            s[4] += f.unreported().size();
            s[5] += f.notifications() == null ? 0 : f.notifications().overdue();
        }
        System.out.printf("safeguards: %,d in all: detention authorities due %,d, cells above capacity %,d,"
                        + " separation breaches %,d, non-associations held together %,d, unreported incidents %,d,"
                        + " notifications overdue %,d%n", safeguards.total(), s[0], s[1], s[2], s[3], s[4], s[5]);
        for (String f : Arrays.asList(null, facility)) {
            Forecast fc = forecast.forecast(f, 90, List.of());
            Forecast.Month end = fc.months().get(fc.months().size() - 1);
            System.out.printf("forecast %s: population %,d, over %s..%s %,d arrived %,d left (%s a day); %s: %,d"
                            + " projected, operational %,d, maximum %,d; crosses operational %s, maximum %s%n",
                    f == null ? "estate" : f, fc.population(), fc.windowFrom(), fc.windowTo(), fc.arrived(),
                    fc.left(), fc.netPerDay(), end.month(), end.projected(), end.operational(), end.maximum(),
                    fc.crossed().operational(), fc.crossed().maximum());
        }
    }

    // ---- the measurements

    record Call(String name, Integer targetMs, Supplier<Object> work) {
    }

    record Result(Call call, long[] service, long[] bare, int statements, List<String> slowest) {
    }

    void measureAll(String facility, int runs, double loadSeconds, String rowCounts) {
        LocalDate today = estate.facilityOnly(facility).today(Instant.now());
        LocalDate from = today.minusDays(364);
        String year = facility + ", " + from + ".." + today;
        List<Call> calls = List.of(
                new Call("EstateOverview.view()", 100, () -> overview.view()),
                new Call("EstateOverview.safeguards(null)", 100, () -> overview.safeguards(null)),
                new Call("population(" + year + ")", 300, () -> statistics.population(facility, from, today, null)),
                new Call("population(" + year + ", sex)", 300,
                        () -> statistics.population(facility, from, today, "sex")),
                new Call("population(" + year + ", ageGroup)", 300,
                        () -> statistics.population(facility, from, today, "ageGroup")),
                new Call("population(" + year + ", nationality)", 300,
                        () -> statistics.population(facility, from, today, "nationality")),
                new Call("CapacityForecast.forecast(null, 90)", 200, () -> forecast.forecast(null, 90, List.of())),
                new Call("CapacityForecast.forecast(" + facility + ", 90)", 200,
                        () -> forecast.forecast(facility, 90, List.of())));
        List<Result> results = new ArrayList<>();
        for (Call call : calls) {
            results.add(measure(call, runs));
        }
        System.out.println();
        System.out.printf("load %.1f s (%.1f min)%n%s", loadSeconds, loadSeconds / 60, rowCounts);
        System.out.printf("%d runs each after %d warm-up calls; times in ms%n", runs, Math.min(5, runs));
        String header = "%-58s | %8s %8s %8s | %8s %8s %8s | %5s | %6s | %s%n";
        System.out.printf(header, "call", "p50", "p95", "max", "bare p50", "bare p95", "bare max", "stmts",
                "target", "p95 within target");
        System.out.println("-".repeat(150));
        for (Result r : results) {
            double p95 = percentile(r.service(), 0.95);
            System.out.printf(Locale.ROOT, "%-58s | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f | %5d | %6s | %s%n",
                    r.call().name(), percentile(r.service(), 0.5), p95, max(r.service()),
                    percentile(r.bare(), 0.5), percentile(r.bare(), 0.95), max(r.bare()), r.statements(),
                    r.call().targetMs() == null ? "-" : "≤ " + r.call().targetMs(),
                    r.call().targetMs() == null ? "" : p95 <= r.call().targetMs() ? "yes" : "NO");
        }
        System.out.println();
        System.out.println("where the bare SQL goes (median ms per statement, statements of one table added up;"
                + " the four longest):");
        for (Result r : results) {
            System.out.printf("  %-56s %s%n", r.call().name(), String.join("; ", r.slowest()));
        }
    }

    Result measure(Call call, int runs) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            call.work().get();
        }
        BareSql.Recording sql = record(call.work());
        long[] service = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.work().get();
            service[i] = System.nanoTime() - t;
        }
        for (int i = 0; i < Math.min(5, runs); i++) {
            bare.replay(sql);
        }
        long[] replayed = new long[runs];
        long[][] each = new long[sql.size()][runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long[] statements = bare.replay(sql);
            replayed[i] = System.nanoTime() - t;
            for (int k = 0; k < statements.length; k++) {
                each[k][i] = statements[k];
            }
        }
        long[] medians = new long[sql.size()];
        for (int k = 0; k < medians.length; k++) {
            long[] sorted = each[k].clone();
            Arrays.sort(sorted);
            medians[k] = sorted[runs / 2];
        }
        Integer[] order = new Integer[medians.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(medians[b], medians[a]));
        // The statements by what they read (a label's "#2", "#3" together): their medians added up, the longest.
        Map<String, long[]> byLabel = new TreeMap<>();
        for (int k = 0; k < medians.length; k++) {
            long[] sum = byLabel.computeIfAbsent(sql.label(k).replaceAll(" #\\d+$", ""), l -> new long[2]);
            sum[0] += medians[k];
            sum[1]++;
        }
        List<String> slowest = byLabel.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(4)
                .map(e -> e.getValue()[1] == 1 ? "%s %.1f".formatted(e.getKey(), e.getValue()[0] / 1e6)
                        : "%s x%d %.1f".formatted(e.getKey(), e.getValue()[1], e.getValue()[0] / 1e6))
                .toList();
        System.out.printf(Locale.ROOT, "%-58s p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms; bare SQL (%d statements)"
                        + " p50 %8.1f ms  p95 %8.1f ms%n", call.name(), percentile(service, 0.5),
                percentile(service, 0.95), max(service), sql.size(), percentile(replayed, 0.5),
                percentile(replayed, 0.95));
        // The plan of the slowest statement where it is worth reading: the statistics, the safeguards, or 20 ms.
        if (order.length > 0 && (call.name().startsWith("population(") || call.name().contains("safeguards")
                || medians[order[0]] >= 20_000_000L)) {
            System.out.println("    EXPLAIN (ANALYZE, BUFFERS) of its slowest statement, " + sql.label(order[0]));
            bare.explain(sql, order[0], "ANALYZE, BUFFERS").forEach(line -> System.out.println("    " + line));
        }
        return new Result(call, service, replayed, sql.size(), slowest);
    }

    /**
     * What the call sends. A call that writes (the statistics' journal entry of the read) is recorded in a
     * transaction rolled back, so that its INSERT did not commit and can be replayed (rolled back each time).
     */
    BareSql.Recording record(Supplier<Object> work) {
        BareSql.Recording sql = bare.record(work::get);
        for (int i = 0; i < sql.size(); i++) {
            String text = sql.sql(i) == null ? "" : sql.sql(i).strip().toUpperCase(Locale.ROOT);
            if (text.startsWith("INSERT") || text.startsWith("UPDATE") || text.startsWith("DELETE")
                    || (text.startsWith("WITH") && text.matches("(?s).*\\b(INSERT|UPDATE|DELETE)\\b.*"))) {
                return bare.record(() -> transaction.executeWithoutResult(status -> {
                    work.get();
                    status.setRollbackOnly();
                }));
            }
        }
        return sql;
    }

    long count(String tableAndWhere) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndWhere).query(Long.class).single();
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
    }

    static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
