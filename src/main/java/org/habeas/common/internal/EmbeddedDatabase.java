package org.habeas.common.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.habeas.common.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL 17 whose data lives in {@code <data dir>/postgres}, so it survives
 * restarts. A server left behind by a JVM killed with {@code kill -9} still holds that directory; it is
 * stopped before ours starts, so a crash never blocks the next start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "habeas";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable whether a commit survives a power cut: zonky starts PostgreSQL with fsync and synchronous
     *                commit off, which is right for throw-away test databases and wrong for a register of people
     */
    static EmbeddedDatabase start(DataDirectory dataDirectory, boolean durable) throws IOException {
        Path pgData = dataDirectory.resolve("postgres");
        stopStaleServer(pgData);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
        var database = new EmbeddedDatabase(postgres);
        database.createDatabaseIfMissing();
        return database;
    }

    DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the habeas database", e);
        }
    }

    /** Stops the postmaster named in a leftover {@code postmaster.pid}, if that process is still running. */
    private static void stopStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> stale = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(EmbeddedDatabase::isPostgres);
        if (stale.isPresent()) {
            ProcessHandle server = stale.get();
            log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it",
                    server.pid(), pgData);
            server.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, then escalate
            try {
                server.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception notYet) {
                server.destroyForcibly();
                server.onExit().join();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
