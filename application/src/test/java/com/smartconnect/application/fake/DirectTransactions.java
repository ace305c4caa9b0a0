package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.Transactions;
import java.util.function.Supplier;

/** {@link Transactions} for the in-memory fakes: runs the work, one at a time, as a database would serialise it. */
public final class DirectTransactions implements Transactions {

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
