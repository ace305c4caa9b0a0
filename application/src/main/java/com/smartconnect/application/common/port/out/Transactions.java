package com.smartconnect.application.common.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one transaction: the repositories and the outboxes called inside it commit together, or not at
 * all if the work throws.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
