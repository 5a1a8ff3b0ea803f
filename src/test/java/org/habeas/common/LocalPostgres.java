package org.habeas.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real PostgreSQL servers made with the machine's own binaries (Debian's {@code postgresql} package:
 * {@code /usr/lib/postgresql/<major>/bin}), for tests that need what the embedded server cannot give: a primary
 * and its streaming standby. Servers listen on localhost only, on free ports, with trust authentication for the
 * superuser {@code habeas}; run as root, they run as the {@code postgres} user, since PostgreSQL refuses root.
 */
public final class LocalPostgres {

    public static final String SUPERUSER = "habeas";

    private LocalPostgres() {
    }

    /** The directory holding initdb, pg_ctl and pg_basebackup: {@code HABEAS_PG_BIN}, else the newest Debian one. */
    public static Optional<Path> binaries() {
        String given = System.getenv("HABEAS_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(LocalPostgres::complete);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(LocalPostgres::complete)
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path bin) {
        return Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres").allMatch(b -> Files.isExecutable(bin.resolve(b)));
    }

    /** One server: its data directory and port. */
    public record Server(Path bin, Path data, int port) {

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/habeas";
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), SUPERUSER, "");
        }

        public void stop() {
            run(bin, List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"));
        }

        public void start() {
            run(bin, List.of("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
                    "start"));
        }

        public void promote() {
            run(bin, List.of("pg_ctl", "-D", data.toString(), "-w", "promote"));
        }

        /** Stops the server if it runs; for clean-up, never fails. */
        public void stopQuietly() {
            try {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    stop();
                }
            } catch (RuntimeException ignored) {
                // clean-up only
            }
        }
    }

    /** A new primary in {@code dir} (created), ready for a streaming standby, with a database {@code habeas}. */
    public static Server primary(Path bin, Path dir) throws SQLException {
        prepare(dir.getParent());
        run(bin, List.of("initdb", "-D", dir.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-sync",
                "--locale=C.UTF-8"));
        int port = freePort();
        append(dir.resolve("postgresql.conf"), """
                port = %d
                listen_addresses = 'localhost'
                unix_socket_directories = '%s'
                wal_level = replica
                max_wal_senders = 5
                hot_standby = on
                fsync = off
                full_page_writes = on
                """.formatted(port, dir));
        var server = new Server(bin, dir, port);
        server.start();
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", SUPERUSER, "");
             var s = c.createStatement()) {
            s.execute("CREATE DATABASE habeas");
        }
        return server;
    }

    /** A hot standby of {@code primary} in {@code dir}, from a base backup ({@code pg_basebackup -R}), started. */
    public static Server standby(Server primary, Path dir) {
        run(primary.bin(), List.of("pg_basebackup", "-h", "localhost", "-p", String.valueOf(primary.port()), "-U",
                SUPERUSER, "-D", dir.toString(), "-R", "-X", "stream", "--no-sync"));
        int port = freePort();
        append(dir.resolve("postgresql.auto.conf"), """
                port = %d
                unix_socket_directories = '%s'
                """.formatted(port, dir));
        var server = new Server(primary.bin(), dir, port);
        server.start();
        return server;
    }

    /** Deletes {@code dir} and everything in it, once its servers are stopped; null or missing is nothing. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Under root the servers run as postgres: the parent must be theirs to write. */
    private static void prepare(Path parent) {
        try {
            Files.createDirectories(parent);
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (root()) {
                run(null, List.of("chown", "postgres", parent.toString()));   // as root: bin null
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code command}: a PostgreSQL binary of {@code bin} (as postgres under root), or with {@code bin} null a
     * system command as the current user; fails on a non-zero exit.
     */
    static void run(Path bin, List<String> command) {
        List<String> full = new ArrayList<>();
        if (root() && bin != null) {
            full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
        }
        full.add(bin == null ? command.get(0) : bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
