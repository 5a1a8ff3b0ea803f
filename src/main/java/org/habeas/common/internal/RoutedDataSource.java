package org.habeas.common.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's DataSource when a read replica is configured: the primary, except for a read-only transaction
 * opened by {@code Replica.read}, which gets a connection to the replica. The choice is made when a transaction
 * runs its first statement (the lazy proxy fetches no connection before), so a read-write transaction opened inside
 * such a read (the roll storing a checkpoint) is on the primary, and nothing written can ever reach the replica.
 */
public final class RoutedDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

    private final DataSource primary;
    private final HikariDataSource replica;

    RoutedDataSource(DataSource primary, HikariDataSource replica) {
        this.primary = primary;
        this.replica = replica;
        var routing = new Routing(primary, replica);
        setTargetDataSource(routing);
        // Known defaults, so the proxy needs no probe connection to learn them.
        setDefaultAutoCommit(true);
        setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        afterPropertiesSet();
    }

    public DataSource primary() {
        return primary;
    }

    public DataSource replica() {
        return replica;
    }

    /** Runs {@code work} so that the read-only transactions it opens go to the replica. */
    public static <T> T onReplica(Supplier<T> work) {
        Boolean before = ON_REPLICA.get();
        ON_REPLICA.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ON_REPLICA.remove();
            } else {
                ON_REPLICA.set(before);
            }
        }
    }

    /**
     * Not Spring's AbstractRoutingDataSource on purpose: Spring Boot's health would then report the replica inside
     * {@code db}, and a replica that is down would make the register unready although reads fall back without it.
     * Unwrapping reaches the primary's pool (its metrics).
     */
    private static final class Routing extends AbstractDataSource {

        private final DataSource primary;
        private final DataSource replica;

        Routing(DataSource primary, DataSource replica) {
            this.primary = primary;
            this.replica = replica;
        }

        private DataSource current() {
            return Boolean.TRUE.equals(ON_REPLICA.get()) && TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                    ? replica : primary;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return current().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return current().getConnection(username, password);
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || primary.isWrapperFor(type);
        }
    }

    @Override
    public void close() throws Exception {
        replica.close();
        if (primary instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
