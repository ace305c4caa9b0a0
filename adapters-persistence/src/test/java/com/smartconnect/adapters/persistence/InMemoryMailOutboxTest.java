package com.smartconnect.adapters.persistence;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;

/**
 * {@link MailOutboxContract} on the in-memory outbox that the application's and the adapters' tests use in place
 * of the database: a fresh one for each test.
 */
class InMemoryMailOutboxTest implements MailOutboxContract {

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();

    @Override
    public MailOutbox outbox() {
        return outbox;
    }

    @Override
    public MailDeliveryQueue queue() {
        return outbox;
    }

    @Override
    public Transactions transactions() {
        return new DirectTransactions();
    }
}
