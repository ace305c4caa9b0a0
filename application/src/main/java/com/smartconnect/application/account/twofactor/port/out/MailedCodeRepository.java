package com.smartconnect.application.account.twofactor.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import java.util.Optional;

/** The two-factor codes mailed to accounts, one per account and purpose, kept as hashes. */
public interface MailedCodeRepository {

    /** Stores the code, replacing the account's earlier code of the same purpose. */
    void put(MailedCode code);

    Optional<MailedCode> find(AccountId accountId, CodePurpose purpose);

    /** Counts one wrong try against the account's code of this purpose. */
    void recordFailure(AccountId accountId, CodePurpose purpose);

    /** Removes the code (it was used); nothing happens if it is gone. */
    void delete(AccountId accountId, CodePurpose purpose);

    void deleteAllOf(AccountId accountId);
}
