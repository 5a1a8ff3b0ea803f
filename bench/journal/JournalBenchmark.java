import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.habeas.HabeasApplication;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.audit.Verification;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journal throughput on the embedded PostgreSQL the application starts itself: appends (one transaction each,
 * as a command would), sealing, verification, and the bare cost of reading the same rows. See run.sh.
 *
 * <p>Only the audit module's public service ({@link Journal}) is used. Sealing is the application's own scheduled
 * sealer ({@code habeas.journal.seal-interval-ms}, 1 s): a phase waits until nothing is left unsealed, so it
 * includes up to one interval of waiting for the schedule. "The same rows read" are the reads one
 * {@link Journal#verify} sent (not its record of the run, which committed), recorded through the application's DataSource and replayed over plain JDBC
 * (bench/lib/BareSql.java), reading every column of every row without hashing.
 *
 * <p>Besides wall-clock rates it reports the CPU each phase cost, in the JVM and in the PostgreSQL server
 * processes, per entry. On a shared 2-core machine the wall clock says as much about the neighbours as about the
 * journal; the CPU cost does not. Verification streams through a cursor, so the JVM and the server take turns:
 * its rate on an otherwise idle machine is about 1 / (JVM + server CPU per entry), shown as "idle estimate".
 *
 * <p>Arguments: data directory, bulk entries (default 1,000,000), appends per phase (default 10,000).
 */
public final class JournalBenchmark {

    private static final String BULK_LOAD = """
            INSERT INTO journal_entry (id, recorded_at, actor, actor_roles, action, subject_type, subject_id,
                                       facility, reason, details, request_id)
            SELECT gen_random_uuid(), now() - make_interval(secs => g), 'bench-officer-' || (g % 50), 'HOUSING',
                   'PERSON_MOVED', 'person', 'CECOT-2025-' || lpad(g::text, 6, '0'), 'CECOT',
                   CASE WHEN g % 10 = 0 THEN 'cell repair' END,
                   json_build_object('from', 'A-1-' || (g % 300), 'to', 'B-2-' || (g % 280), 'n', g),
                   md5(g::text)
              FROM generate_series(1, :count) AS g
            """;

    private static final String COUNT_UNSEALED = "SELECT count(*) FROM journal_entry WHERE chain_pos IS NULL";

    private final List<String[]> table = new ArrayList<>();
    private final long[] last = new long[1];

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int bulk = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int appends = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        var benchmark = new JournalBenchmark();

        ConfigurableApplicationContext app = start(dataDir.resolve("app"));
        try {
            benchmark.run(app, postmaster(dataDir.resolve("app/postgres")), bulk, appends);
        } finally {
            app.close();
        }
        // The application's embedded server runs as configured there (see the first line). Appends are the one
        // phase that waits for the disk, so measure them again on a server that flushes every commit.
        try (EmbeddedPostgres durable = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("durable"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start()) {
            String url = durable.getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext onDisk = start(dataDir.resolve("app-durable"), "--habeas.db.url=" + url,
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.hikari.maximum-pool-size=12");
            try {
                benchmark.runDurable(onDisk, postmaster(dataDir.resolve("durable")), appends);
            } finally {
                onDisk.close();
            }
        }
        benchmark.print();
    }

    private void run(ConfigurableApplicationContext app, long postmaster, int bulk, int appends) throws Exception {
        Journal journal = app.getBean(Journal.class);
        BareSql bare = BareSql.of(app);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        var transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));

        System.out.printf("machine: %d cores, %s, load average %s%nPostgreSQL %s, fsync=%s, synchronous_commit=%s,"
                + " shared_buffers=%s%n", Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage(),
                setting(jdbc, "server_version"), setting(jdbc, "fsync"), setting(jdbc, "synchronous_commit"),
                setting(jdbc, "shared_buffers"));

        appendAll(journal, transaction, 1, 2_000);   // warm-up: JIT, pool, plan caches
        sealed(jdbc);

        // The scheduled sealer keeps running during the append phases, as it does in production.
        String fsync = "fsync=" + setting(jdbc, "fsync");
        measure("append, 1 writer (" + fsync + ")", postmaster, appends, false,
                () -> appendAll(journal, transaction, 1, appends));
        measure("append, 8 writers (" + fsync + ")", postmaster, appends, false,
                () -> appendAll(journal, transaction, 8, appends));
        sealed(jdbc);

        long started = System.nanoTime();
        int loaded = jdbc.sql(BULK_LOAD).param("count", bulk).update();
        System.out.printf("bulk-loaded %,d unsealed entries in %.1f s (not measured)%n", loaded,
                (System.nanoTime() - started) / 1e9);

        // The scheduled sealer takes them, batch after batch, within a second: time until nothing is left.
        long pending = jdbc.sql(COUNT_UNSEALED).query(Long.class).single();
        measure("seal (chain, sign: the scheduled sealer)", postmaster, pending, false, () -> sealed(jdbc));

        long[] checked = new long[1];
        // Recorded as it runs (the recorder notes statements and values; the rows come from the driver directly).
        BareSql.Recording[] verification = new BareSql.Recording[1];
        measure("verify, right after sealing", postmaster, 0, true,
                () -> verification[0] = bare.record(() -> checked[0] = verify(journal)));
        // Sealing rewrote every row once; autovacuum would clear the old versions soon after. Do it now.
        jdbc.sql("VACUUM (ANALYZE) journal_entry").update();
        for (int run = 1; run <= 3; run++) {
            measure("verify, after vacuum (run " + run + ")", postmaster, 0, true,
                    () -> checked[0] = verify(journal));
            measure("  same rows read, no hashing", postmaster, checked[0], true, () -> bare.replay(verification[0].reads()));
        }
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        signatureChecks(key, 500);   // warm-up
        measure("checkpoint signature checks (Ed25519)", postmaster, 2_000, false, () -> signatureChecks(key, 2_000));
    }

    private void runDurable(ConfigurableApplicationContext app, long postmaster, int appends) throws Exception {
        Journal journal = app.getBean(Journal.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        var transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        appendAll(journal, transaction, 1, 2_000);
        String settings = "fsync=" + setting(jdbc, "fsync") + ", synchronous_commit=" + setting(jdbc,
                "synchronous_commit");
        measure("append, 1 writer (" + settings + ")", postmaster, appends, false,
                () -> appendAll(journal, transaction, 1, appends));
        measure("append, 8 writers (" + settings + ")", postmaster, appends, false,
                () -> appendAll(journal, transaction, 8, appends));
    }

    private interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs {@code phase} and adds a row: wall-clock rate, CPU per entry in this JVM and in the server processes.
     * A verification phase passes 0 entries and reports the count it checked itself.
     */
    private void measure(String name, long postmaster, long entries, boolean turnTaking, Phase phase)
            throws Exception {
        long jvm = processCpuNanos();
        long server = serverCpuNanos(postmaster);
        long started = System.nanoTime();
        last[0] = entries;
        phase.run();
        double wall = (System.nanoTime() - started) / 1e9;
        double jvmMicros = (processCpuNanos() - jvm) / 1e3;
        double serverMicros = (serverCpuNanos(postmaster) - server) / 1e3;
        long count = last[0];
        double jvmPerEntry = jvmMicros / count;
        double serverPerEntry = serverMicros / count;
        table.add(new String[] {name, "%,d".formatted(count), "%,.0f".formatted(count / wall),
                "%.1f".formatted(jvmPerEntry), "%.1f".formatted(serverPerEntry),
                turnTaking ? "%,.0f".formatted(1e6 / (jvmPerEntry + serverPerEntry)) : ""});
    }

    private long verify(Journal journal) {
        Verification result = journal.verify();
        if (!result.ok()) {
            throw new IllegalStateException("the benchmark journal does not verify: " + result);
        }
        last[0] = result.entriesChecked();
        return result.entriesChecked();
    }

    private void print() {
        // Other work on the machine shows in the wall-clock column on 2 cores; say how busy it was.
        System.out.printf("load average at the end: %s%n%n", loadAverage());
        String format = "%-50s %11s %11s %9s %9s %12s%n";
        System.out.printf(format, "phase", "entries", "per second", "JVM µs", "PG µs", "idle est./s");
        System.out.printf(format, "", "", "(wall)", "/entry", "/entry", "");
        for (String[] row : table) {
            System.out.printf(format, (Object[]) row);
        }
    }

    /** Appends {@code total} entries from {@code writers} threads, one transaction per entry. */
    private static void appendAll(Journal journal, TransactionTemplate transaction, int writers, int total)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int share = total / writers;
            work.add(() -> {
                String subject = UUID.randomUUID().toString();
                for (int i = 0; i < share; i++) {
                    int n = i;
                    transaction.executeWithoutResult(status -> journal.append(
                            JournalEntry.of("PERSON_MOVED", "person", subject).withFacility("CECOT")
                                    .withDetails(Map.of("from", "A-1-001", "to", "B-2-014", "n", n))));
                }
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(work)) {
            done.get();
        }
        pool.shutdown();
    }

    /** Waits until the scheduled sealer has sealed every committed entry. */
    private static void sealed(JdbcClient jdbc) throws InterruptedException {
        while (jdbc.sql(COUNT_UNSEALED).query(Long.class).single() > 0) {
            Thread.sleep(10);
        }
    }

    /**
     * What verification does per checkpoint besides hashing: an Ed25519 check with one reusable
     * {@link Signature} (the JDK's, as the journal's key uses it), here with a key of its own.
     */
    private static void signatureChecks(KeyPair key, int count) throws Exception {
        byte[] text = "habeas-journal-checkpoint/1\n1000\n00\n1\nk\n".getBytes();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(text);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        for (int i = 0; i < count; i++) {
            verifier.initVerify(key.getPublic());
            verifier.update(text);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("signature did not verify");
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--habeas.data-dir=" + dataDir, "--server.port=0",
                "--habeas.admin-password=journal-bench-password-1", "--habeas.db.pool-size=12",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return BareSql.install(new SpringApplication(HabeasApplication.class)).run(args.toArray(String[]::new));
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long postmaster(Path pgData) throws Exception {
        return Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
    }

    /** CPU used so far by the postmaster and all its children (backends, walwriter, autovacuum, ...). */
    private static long serverCpuNanos(long postmaster) throws Exception {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    // After the command name: state, ppid, ..., utime, stime, cutime, cstime (indexes 11 to 14).
                    if (pid == postmaster) {
                        // Its own time plus that of children already gone (autovacuum workers come and go).
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    } else if (Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (Exception gone) {
                    // The process ended while we looked.
                }
            }
        }
        return ticks * 10_000_000L;   // Linux USER_HZ is 100: one tick is 10 ms
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
