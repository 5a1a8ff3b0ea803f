package org.habeas.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.habeas.common.internal.RoutedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read replica ({@code HABEAS_DB_REPLICA_URL}), for read-only work that may be a few seconds behind: name search,
 * the roll, journal search. {@link #read} runs such work on the replica, in a read-only transaction of its own, when
 * one is configured, is a standby, and lags the primary by no more than {@code habeas.db.replica.max-lag}; otherwise,
 * and always inside a read-write transaction (a command, and every read a command makes), on the primary. A read
 * that fails on the replica for want of a connection is run again on the primary: it wrote nothing.
 *
 * <p>The lag is measured every {@code habeas.db.replica.check-interval-ms}: zero when the replica has replayed all
 * the WAL the primary has written, else the age of the last transaction it replayed. After an idle spell the first
 * write therefore shows as a lag of the whole spell until it is replayed, which at worst sends reads to the primary
 * for one interval.
 */
@Service
public class Replica {

    private static final Logger log = LoggerFactory.getLogger(Replica.class);

    private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text";
    private static final String STANDBY_STATE = """
            SELECT pg_is_in_recovery() AS standby,
                   pg_wal_lsn_diff(CAST(:primary AS pg_lsn), pg_last_wal_replay_lsn()) AS behind,
                   EXTRACT(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) AS age
            """;

    /** What the last check found. {@code lagSeconds} is null when it could not be measured. */
    public record Status(boolean configured, boolean usable, Double lagSeconds, Long bytesBehind, String problem,
                         Instant checkedAt) {
    }

    private final RoutedDataSource routed;
    private final Duration maxLag;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>();
    private final TransactionTemplate replicaTransaction;
    private final TransactionTemplate primaryRead;
    private final JdbcClient primaryJdbc;
    private final JdbcClient replicaJdbc;
    private final Counter reads;
    private final Counter fallbacks;

    Replica(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, MeterRegistry registry,
            @Value("${habeas.db.replica.max-lag:10s}") Duration maxLag) {
        this.routed = dataSource instanceof RoutedDataSource r ? r : null;
        this.maxLag = maxLag;
        this.clock = clock;
        // A read that stays on the primary still runs in a (read-only) transaction: name search sets planner options
        // local to its transaction (decision 0003).
        primaryRead = new TransactionTemplate(transactions);
        primaryRead.setReadOnly(true);
        if (routed == null) {
            status.set(new Status(false, false, null, null, "not configured", null));
            replicaTransaction = null;
            primaryJdbc = null;
            replicaJdbc = null;
            reads = null;
            fallbacks = null;
            return;
        }
        // The application's transaction manager, over the routed DataSource: the routing picks the replica.
        replicaTransaction = new TransactionTemplate(transactions);
        replicaTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        replicaTransaction.setReadOnly(true);
        primaryJdbc = JdbcClient.create(routed.primary());
        replicaJdbc = JdbcClient.create(routed.replica());
        status.set(new Status(true, false, null, null, "not checked yet", null));
        reads = Counter.builder("habeas.replica.reads").description("Read-only work run on the replica")
                .register(registry);
        fallbacks = Counter.builder("habeas.replica.fallbacks")
                .description("Read-only work meant for the replica run on the primary: replica down, lagging or "
                        + "not a standby").register(registry);
        Gauge.builder("habeas.replica.lag", status, s -> s.get().lagSeconds() == null ? Double.NaN
                : s.get().lagSeconds()).baseUnit("seconds")
                .description("How far the replica is behind the primary; NaN when it cannot be measured")
                .register(registry);
        Gauge.builder("habeas.replica.usable", status, s -> s.get().usable() ? 1 : 0)
                .description("1 when reads go to the replica, 0 when they fall back to the primary")
                .register(registry);
    }

    /** Whether {@link #read} would use the replica now, outside a command. */
    public Status status() {
        return status.get();
    }

    /**
     * Runs read-only {@code work} on the replica when it is usable and the caller is not inside a read-write
     * transaction; otherwise runs it as it stands, on the primary. {@code work} must write nothing in the
     * transaction it is given (a read-write transaction it opens itself goes to the primary).
     */
    public <T> T read(Supplier<T> work) {
        if (insideReadWriteTransaction()) {
            return work.get();
        }
        if (routed == null) {
            return primaryRead.execute(s -> work.get());
        }
        if (!status.get().usable()) {
            fallbacks.increment();
            return primaryRead.execute(s -> work.get());
        }
        try {
            T result = RoutedDataSource.onReplica(() -> replicaTransaction.execute(s -> work.get()));
            reads.increment();
            return result;
        } catch (DataAccessResourceFailureException | RecoverableDataAccessException | TransientDataAccessException
                 | CannotCreateTransactionException | TransactionSystemException e) {
            log.warn("Replica read failed ({}); reading from the primary until the next check", e.getMessage());
            var was = status.get();
            status.set(new Status(true, false, was.lagSeconds(), was.bytesBehind(), "read failed: " + e.getMessage(),
                    clock.instant()));
            fallbacks.increment();
            return primaryRead.execute(s -> work.get());
        }
    }

    private static boolean insideReadWriteTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /** Measures the replica's lag now and decides whether reads may use it; run on a schedule. */
    @Scheduled(fixedDelayString = "${habeas.db.replica.check-interval-ms:5000}")
    public Status check() {
        if (routed == null) {
            return status.get();
        }
        Status found;
        try {
            String primaryPosition = primaryJdbc.sql(PRIMARY_POSITION).query(String.class).single();
            found = replicaJdbc.sql(STANDBY_STATE).param("primary", primaryPosition).query((rs, n) -> {
                Instant now = clock.instant();
                if (!rs.getBoolean("standby")) {
                    return new Status(true, false, null, null, "not a standby (promoted, or the primary itself)", now);
                }
                Number behind = (Number) rs.getObject("behind");
                Number age = (Number) rs.getObject("age");
                if (behind == null) {
                    return new Status(true, false, null, null, "has replayed nothing yet", now);
                }
                long bytes = Math.max(0, behind.longValue());
                Double lag = bytes == 0 ? 0.0 : age == null ? null : Math.max(0, age.doubleValue());
                if (lag == null) {
                    return new Status(true, false, null, bytes, "lag unknown", now);
                }
                boolean within = lag <= maxLag.toMillis() / 1000.0;
                return new Status(true, within, lag, bytes, within ? null : "lags more than " + maxLag, now);
            }).single();
        } catch (RuntimeException e) {
            found = new Status(true, false, null, null, "unreachable: " + e.getMessage(), clock.instant());
        }
        Status before = status.getAndSet(found);
        if (before.usable() != found.usable()) {
            if (found.usable()) {
                log.info("Replica in use again (lag {} s)", found.lagSeconds());
            } else {
                log.warn("Replica not used, reads go to the primary: {}", found.problem());
            }
        }
        return found;
    }
}
