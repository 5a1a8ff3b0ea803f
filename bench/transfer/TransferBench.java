import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.habeas.people.RecordedSex;
import org.habeas.transfer.AgreementService;
import org.habeas.transfer.AgreementTerms;
import org.habeas.transfer.InstrumentType;
import org.habeas.transfer.LineDraft;
import org.habeas.transfer.LineVetting;
import org.habeas.transfer.ManifestDirection;
import org.habeas.transfer.ManifestLine;
import org.habeas.transfer.ManifestService;
import org.habeas.transfer.ManifestVersion;
import org.habeas.transfer.NewArrival;
import org.habeas.transfer.NewManifest;
import org.habeas.transfer.PriceModel;
import org.habeas.transfer.Reconciliation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transfer benchmark (issue: a 300-line manifest vetted in at most 1 s; the arrival of 300 people, admission
 * with all rules, in at most 2 s). Starts the application on a temporary data directory and calls the manifest
 * service directly, as signed-in officers: one builds, another approves (the two-person rule).
 *
 * <ol>
 *   <li>CECOT with POPULATION people in custody and LEGAL_RECORDS orders and holds over them, as the vetting and legal
 *       benchmarks build them (their bulk SQL); an agreement through the service.</li>
 *   <li>RUNS times: an inbound manifest of LINES new arrivals (identity data no record resembles) submitted, which
 *       vets every line (identity search, agreement term and scope, capacity, cap); approved by a second officer,
 *       which vets them again; all LINES checked in, which registers them and admits them through custody's bulk
 *       admission with every rule. Each timed, and each submission's bare SQL replayed (bench/lib/BareSql.java).</li>
 *   <li>RUNS times: an outbound manifest of LINES people held, to a random country, submitted: every rule of the
 *       engine for a removal, the legal ones among them, in one batch.</li>
 * </ol>
 * Usage: TransferBench [population] [legalRecords] [lines] [runs]
 */
public class TransferBench {

    public static void main(String[] args) throws Exception {
        int population = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int legalRecords = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        InProcess.run("transfer", BUILDER_ROLES, context -> {
            System.out.printf("machine: %d cores; population=%,d orders and holds=%,d lines=%d runs=%d%n",
                    Runtime.getRuntime().availableProcessors(), population, legalRecords, lines, runs);
            new TransferBench(context).run(population, legalRecords, lines, runs);
        });
    }

    static final Set<Role> BUILDER_ROLES = EnumSet.of(Role.INTAKE, Role.LEGAL, Role.HOUSING, Role.DIRECTOR,
            Role.SUPERVISOR, Role.INSPECTOR, Role.ADMIN);
    static final HabeasUser BUILDER = new HabeasUser(UUID.randomUUID(), "bench-builder", "Bench Builder",
            BUILDER_ROLES, Set.of(), true, false, null);
    static final HabeasUser APPROVER = new HabeasUser(UUID.randomUUID(), "bench-approver", "Bench Approver",
            EnumSet.of(Role.SUPERVISOR, Role.DIRECTOR), Set.of(), true, false, null);
    // Syllables no synthetic name of the register ("Sintético n Prueba") resembles; three to a name, so that one
    // run's arrivals seldom resemble an earlier run's (two would make every search find hundreds).
    static final List<String> SYLLABLES = List.of("ka", "lo", "mu", "ri", "te", "va", "zo", "pe", "qui", "sa", "no",
            "de", "bu", "fi", "ga", "ju", "xo", "ye");

    private final ConfigurableApplicationContext context;
    private final ManifestService manifests;
    private final BareSql bare;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Random random = new Random(16);

    TransferBench(ConfigurableApplicationContext context) {
        this.context = context;
        this.manifests = context.getBean(ManifestService.class);
        this.bare = BareSql.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    void run(int population, int legalRecords, int lines, int runs) {
        long t = System.nanoTime();
        new VettingBench(context).estate(population);
        LegalBench legal = new LegalBench(context);
        legal.legalRecords(population, legalRecords);
        legal.policies();
        jdbc.sql("VACUUM (ANALYZE)").update();
        System.out.printf("setup: CECOT, %,d people in custody and %,d orders and holds by bulk SQL, vacuumed, in "
                + "%.1f s%n", population, legalRecords, VettingBench.secs(t));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID agreement = as(BUILDER, () -> context.getBean(AgreementService.class).record(new AgreementTerms(
                "BENCH-ISA-1", "Synthetic intergovernmental service agreement", "US", "DHS / ICE", "SV",
                "Dirección General de Centros Penales", InstrumentType.INTERGOVERNMENTAL_SERVICE_AGREEMENT, true,
                today.minusDays(30), today.plusDays(330), PriceModel.LUMP_SUM, new BigDecimal("6000000"), "USD",
                null, List.of(), "Mandela Rules", new AgreementTerms.Access(true, true, true, true),
                "monthly", "return on request", null)).id());

        // ---- inbound: submit (vet), approve (vet again), check in (register and admit)
        long[] submitted = new long[runs];
        long[] submittedBare = new long[runs];
        long[] approved = new long[runs];
        long[] arrived = new long[runs];
        Map<String, Integer> deniedBy = new TreeMap<>();
        BareSql.Totals inboundSql = new BareSql.Totals();
        for (int run = -1; run < runs; run++) {   // run -1 warms up
            NewManifest inbound = inbound(agreement, lines);
            long s = System.nanoTime();
            ManifestVersion v = as(BUILDER, () -> manifests.submit(inbound));
            long submitNanos = System.nanoTime() - s;
            count(v, deniedBy);
            s = System.nanoTime();
            as(APPROVER, () -> manifests.approve(v.manifest(), 1));
            long approveNanos = System.nanoTime() - s;
            List<String> refs = v.lines().stream().map(ManifestLine::ref).toList();
            s = System.nanoTime();
            Reconciliation r = as(BUILDER, () -> manifests.checkIn(v.manifest(), 1, refs));
            long arriveNanos = System.nanoTime() - s;
            if (r.admitted().size() != lines) {
                throw new IllegalStateException("admitted " + r.admitted().size() + " of " + lines);
            }
            // Not timed: what the submission of a like manifest sends (itself rolled back), replayed.
            NewManifest another = inbound(agreement, lines);
            BareSql.Recording sent = bare.record(() -> rolledBack(() -> manifests.submit(another)));
            s = System.nanoTime();
            long[] statements = bare.replay(sent);
            long bareNanos = System.nanoTime() - s;
            inboundSql.add(sent, statements);
            if (run >= 0) {
                submitted[run] = submitNanos;
                approved[run] = approveNanos;
                arrived[run] = arriveNanos;
                submittedBare[run] = bareNanos;
            }
        }
        VettingBench.report("submit inbound manifest of " + lines + " (vetting)", submitted);
        VettingBench.report("bare SQL of such a submission", submittedBare);
        inboundSql.byLabel().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(6)
                .forEach(e -> System.out.printf("  where its bare SQL goes: %-44s %8.1f ms over %,d statements%n",
                        e.getKey(), e.getValue()[0] / 1e6 / (runs + 1), e.getValue()[1] / (runs + 1)));
        VettingBench.report("approve it (vetting again), second officer", approved);
        VettingBench.report("check in all " + lines + " (register and admit)", arrived);

        // ---- outbound: a removal manifest of people held, every rule in one batch
        long[] removals = new long[runs];
        long[] removalsBare = new long[runs];
        for (int run = -1; run < runs; run++) {
            NewManifest outbound = outbound(agreement, lines);
            long s = System.nanoTime();
            ManifestVersion v = as(BUILDER, () -> manifests.submit(outbound));
            long nanos = System.nanoTime() - s;
            count(v, deniedBy);
            BareSql.Recording sent = bare.record(() -> rolledBack(() -> manifests.submit(outbound)));
            s = System.nanoTime();
            bare.replay(sent);
            if (run >= 0) {
                removalsBare[run] = System.nanoTime() - s;
                removals[run] = nanos;
            }
        }
        VettingBench.report("submit outbound manifest of " + lines + " (vetting)", removals);
        VettingBench.report("bare SQL of the same submission", removalsBare);
        System.out.println("denials by code over every line vetted: " + deniedBy);
    }

    NewManifest inbound(UUID agreement, int lines) {
        List<LineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            var identity = new NewArrival(name(3), name(3), name(3),
                    LocalDate.of(1970 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28)), "VE",
                    RecordedSex.MALE);
            drafts.add(new LineDraft("L" + i, null, identity, null, null, null));
        }
        return new NewManifest(ManifestDirection.INBOUND, agreement, "Charter carrier", "BENCH-" + UUID.randomUUID(),
                "Harlingen, Texas", VettingBench.CECOT, null, "SV", Instant.now().plus(1, ChronoUnit.HOURS),
                "DHS / ICE", drafts, List.of());
    }

    NewManifest outbound(UUID agreement, int lines) {
        List<UUID> held = jdbc.sql("""
                SELECT person_id FROM whereabouts WHERE kind = 'IN_CELL'
                 ORDER BY md5(person_id::text || :salt) LIMIT :n""").param("salt", random.nextInt())
                .param("n", lines).query(UUID.class).list();
        List<LineDraft> drafts = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            drafts.add(new LineDraft("R" + i, held.get(i), null, null, "FINAL_ORDER", "EOIR final order"));
        }
        String country = LegalBench.COUNTRIES.get(random.nextInt(LegalBench.COUNTRIES.size()));
        return new NewManifest(ManifestDirection.OUTBOUND, agreement, "Charter carrier", "BENCH-" + UUID.randomUUID(),
                VettingBench.CECOT, null, "Ministry of the Interior of " + country, country,
                Instant.now().plus(1, ChronoUnit.HOURS), "Dirección General de Centros Penales", drafts, List.of());
    }

    String name(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static void count(ManifestVersion v, Map<String, Integer> deniedBy) {
        for (ManifestLine l : v.lines()) {
            for (LineVetting.Reason r : l.vetting().reasons()) {
                deniedBy.merge(r.code(), 1, Integer::sum);
            }
        }
    }

    // The call as the builder, in a transaction rolled back: its writes can be replayed and leave nothing behind.
    void rolledBack(Supplier<?> call) {
        as(BUILDER, () -> transaction.execute(status -> {
            call.get();
            status.setRollbackOnly();
            return null;
        }));
    }

    static <T> T as(HabeasUser user, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
