package com.smartconnect.application.mail.port.in;

import java.util.function.BooleanSupplier;

/**
 * Mail delivery, driven by a scheduler: one pass takes the mails of the outbox that are due, sends each outside any
 * transaction, and settles it as sent, to be retried later, or abandoned.
 */
public interface DeliverMailsUseCase {

    /**
     * One pass over the mails due now; answers how many were sent. The pass starts no further send once
     * {@code stopRequested} answers {@code true}: the mails it claimed and did not reach are due again when their
     * lease ends.
     */
    int deliverDue(BooleanSupplier stopRequested);
}
