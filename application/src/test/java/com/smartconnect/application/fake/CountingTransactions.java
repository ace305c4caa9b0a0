package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions over another, counted, and failing on demand: for group commit (how many transactions for how many
 * messages) and for what happens when a commit fails.
 */
public final class CountingTransactions implements Transactions {

    private final Transactions delegate;
    private final AtomicInteger committed = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();

    public CountingTransactions(Transactions delegate) {
        this.delegate = delegate;
    }

    /** The next {@code count} transactions fail after their work, as a commit that fails would. */
    public void failNext(int count) {
        failNext.set(count);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return delegate.inTransaction(() -> {
            T result = work.get();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the commit failed (scripted)");
            }
            committed.incrementAndGet();
            return result;
        });
    }

    public int committed() {
        return committed.get();
    }
}
