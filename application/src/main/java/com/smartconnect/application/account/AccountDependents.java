package com.smartconnect.application.account;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;

/**
 * What another context, or one of the account's own sub-features, keeps of an account and changes with it, inside the
 * account's own transaction: the address it writes to, and what must go when the account is deleted. The account
 * context calls every implementation, so it needs to know none of the contexts above it.
 */
public interface AccountDependents {

    /**
     * When an erasure runs in an account's deletion. The deletion runs the stages in this order, whatever order the
     * erasures are handed over in, because the order is part of the deletion: what refers to the account goes before
     * the account row does, and the outbox forgets its sent mails to the address before the deletion queues its
     * confirmation mail to that address. Erasures that share a stage touch unrelated data and run in the order given.
     */
    enum ErasureStage {
        /** The account's sessions. */
        SESSIONS,
        /** Its login challenges, mailed codes and two-factor setting. */
        TWO_FACTOR,
        /** What the contexts above account keep of it (reseller connections, Event Notification recipients). */
        DEPENDENT_CONTEXTS,
        /** Sign-ups pending for the account's address. */
        REGISTRATIONS,
        /** The failed logins counted against the address. */
        LOGIN_FAILURES,
        /** Co-worker invitations to the address. */
        INVITATIONS,
        /** The outbox's mails to the address that are no longer waiting to be sent. */
        SETTLED_MAILS
    }

    /** The account's address changed from {@code before.email()} to {@code newEmail}. */
    default void emailChanged(Account before, EmailAddress newEmail) {
    }

    /** The account is being deleted: remove what this context keeps of it, before the account row goes. */
    default void erase(Account account) {
    }

    /** When {@link #erase} runs among the others; a context above account erases at {@code DEPENDENT_CONTEXTS}. */
    default ErasureStage erasureStage() {
        return ErasureStage.DEPENDENT_CONTEXTS;
    }
}
