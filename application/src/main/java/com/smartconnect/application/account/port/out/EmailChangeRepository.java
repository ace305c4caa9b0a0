package com.smartconnect.application.account.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailChange;
import java.util.Optional;

/** Where requested e-mail address changes wait for their code; one per account at most. */
public interface EmailChangeRepository {

    /** Records a requested change, replacing any earlier one of the account. */
    void replace(EmailChange change);

    /** The account's pending change, locked until the current transaction ends so two tries cannot interleave. */
    Optional<EmailChange> findForUpdate(AccountId accountId);

    /** Saves the new state of the change (its wrong tries). */
    void update(EmailChange change);

    /** Forgets the account's pending change, once done or abandoned. */
    void deleteFor(AccountId accountId);
}
