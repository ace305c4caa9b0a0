package com.smartconnect.application.account;

import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/**
 * The outbox's mails to a deleted account's address that are no longer waiting to be sent go with it, so that the
 * outbox does not remember whom it wrote to. It lives in account because the mail context is below account and knows
 * nothing of it.
 */
public final class SettledMailsOfAccount implements AccountDependents {

    private final MailOutbox outbox;

    @Inject
    public SettledMailsOfAccount(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void erase(Account account) {
        outbox.forgetSettledMailsTo(account.email());
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.SETTLED_MAILS;
    }
}
