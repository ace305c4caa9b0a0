package com.smartconnect.adapters.persistence;

import com.smartconnect.application.port.out.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Transactions over one JDBC connection each. The repositories ask {@link #dsl()} for the context to run on, so
 * that inside {@link #inTransaction} they use the transaction's connection and outside of one they auto-commit.
 * The work runs on the caller's thread (a virtual thread, usually), so a thread-local is enough to find it.
 */
final class DatabaseTransactions implements Transactions {

    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    DatabaseTransactions(DSLContext root) {
        this.root = root;
    }

    /**
     * Runs the work in a new transaction, or, when called inside one, as part of it: the outer work decides
     * about commit and rollback, as the services expect when one use case calls another.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return root.transactionResult(transaction -> {
            current.set(transaction.dsl());
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    /** The context of the current transaction of this thread, or one that auto-commits each statement. */
    DSLContext dsl() {
        DSLContext transactional = current.get();
        return transactional != null ? transactional : root;
    }
}
