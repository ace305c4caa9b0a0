package com.smartconnect.adapters.persistence;

import com.smartconnect.application.common.port.out.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Transactions over one JDBC connection each. The repositories ask {@link #dsl()} for the context to run on, so
 * that inside {@link #inTransaction} they use the transaction's connection and outside of one they auto-commit.
 * The work runs on the caller's thread (a virtual thread, usually), so a thread-local is enough to find it.
 *
 * <p>The transaction is the connection's own ({@code setAutoCommit(false)}, {@code commit}), not jOOQ's
 * {@code transactionResult}: that one asks the connection for its isolation level before every transaction, which
 * the PostgreSQL driver answers with a round trip to the server ({@code SHOW TRANSACTION ISOLATION LEVEL}), one of
 * the seven round trips of every group commit of the MQTT endpoint (BENCHMARKS.md). Nothing here uses savepoints.
 */
final class DatabaseTransactions implements Transactions {

    private final DSLContext root;
    private final DataSource dataSource;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();
    /** What runs once the current transaction of this thread ends ({@link #whenDone}). */
    private final ThreadLocal<List<Runnable>> whenDone = new ThreadLocal<>();

    DatabaseTransactions(DSLContext root, DataSource dataSource) {
        this.root = root;
        this.dataSource = dataSource;
    }

    /**
     * Runs the work in a new transaction, or, when called inside one, as part of it: the outer work decides
     * about commit and rollback, as the services expect when one use case calls another. Whatever the work throws
     * rolls the transaction back and is thrown on unchanged; a connection that cannot be had or a commit that fails
     * is a {@link DataAccessException}.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            current.set(DSL.using(root.configuration().derive(connection)));
            List<Runnable> done = new ArrayList<>();
            whenDone.set(done);
            try {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException | Error failure) {
                    if (rollBack(connection, failure) && autoCommit) {
                        restoreAutoCommit(connection, failure);
                    }
                    throw failure;
                } finally {
                    current.remove();
                }
                connection.commit();
                // Back as it came, whatever pool the embedding application gave (not every pool restores it). After a
                // failed commit or rollback it stays off rather than risk committing half of a transaction.
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
                return result;
            } finally {
                whenDone.remove();
                done.forEach(Runnable::run);
            }
        } catch (SQLException failure) {
            throw new DataAccessException("The transaction failed: " + failure.getMessage(), failure);
        }
    }

    /**
     * Runs {@code action} once the current transaction of this thread has ended, committed or rolled back (what it
     * wrote is visible to every other connection then, or gone), or at once outside of a transaction.
     */
    void whenDone(Runnable action) {
        List<Runnable> done = whenDone.get();
        if (done == null) {
            action.run();
        } else {
            done.add(action);
        }
    }

    /** Whether this thread is inside {@link #inTransaction}. */
    boolean inTransaction() {
        return current.get() != null;
    }

    private static void restoreAutoCommit(Connection connection, Throwable cause) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException restoreFailure) {
            cause.addSuppressed(restoreFailure);
        }
    }

    /** Whether the rollback went through. */
    private static boolean rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
            return false;
        }
    }

    /** The context of the current transaction of this thread, or one that auto-commits each statement. */
    DSLContext dsl() {
        DSLContext transactional = current.get();
        return transactional != null ? transactional : root;
    }
}
