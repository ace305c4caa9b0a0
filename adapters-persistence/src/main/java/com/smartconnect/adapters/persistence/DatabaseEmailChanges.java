package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.EMAIL_CHANGE;

import com.smartconnect.adapters.persistence.jooq.tables.records.EmailChangeRecord;
import com.smartconnect.application.account.port.out.EmailChangeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.EmailChange;
import com.smartconnect.domain.common.CodeChallenge;
import java.util.Optional;

/**
 * The requested e-mail address changes, in table {@code email_change}: one row per account at most, which its
 * unique constraint on {@code account_id} keeps. Deleting an account deletes its pending change with it
 * ({@code ON DELETE CASCADE}).
 */
final class DatabaseEmailChanges implements EmailChangeRepository {

    private final DatabaseTransactions transactions;

    DatabaseEmailChanges(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Deletes the account's earlier change and inserts the new one, in the caller's transaction (or in one of its
     * own when there is none), so that nobody sees the account without its change in between. Two requests of one
     * account do not race here: the service holds the account's login lock around them; if they did, the second
     * insert would break the unique constraint and fail rather than leave two changes.
     */
    @Override
    public void replace(EmailChange change) {
        transactions.inTransaction(() -> {
            transactions.dsl().deleteFrom(EMAIL_CHANGE)
                    .where(EMAIL_CHANGE.ACCOUNT_ID.eq(change.accountId().value()))
                    .execute();
            transactions.dsl().executeInsert(row(change));
            return null;
        });
    }

    @Override
    public Optional<EmailChange> findForUpdate(AccountId accountId) {
        return transactions.dsl().selectFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.ACCOUNT_ID.eq(accountId.value()))
                .forUpdate()
                .fetchOptional()
                .map(DatabaseEmailChanges::change);
    }

    /** By id: a change that was replaced or deleted meanwhile must not pass for saved. */
    @Override
    public void update(EmailChange change) {
        int updated = transactions.dsl().executeUpdate(row(change));
        if (updated != 1) {
            throw new IllegalStateException("email change " + change.id() + " of account " + change.accountId()
                    + " is not pending");
        }
    }

    @Override
    public void deleteFor(AccountId accountId) {
        transactions.dsl().deleteFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.ACCOUNT_ID.eq(accountId.value())).execute();
    }

    private static EmailChangeRecord row(EmailChange change) {
        CodeChallenge challenge = change.challenge();
        EmailChangeRecord row = new EmailChangeRecord(change.id(), change.accountId().value(),
                change.newEmail().value(), change.addressTaken(), challenge.codeHash(),
                Timestamps.column(challenge.sentAt()), Timestamps.column(challenge.expiresAt()),
                challenge.failedAttempts(), challenge.codesSent(), Timestamps.column(change.createdAt()));
        // Every column is written, so that an update leaves nothing of an earlier state.
        row.touched(true);
        return row;
    }

    private static EmailChange change(EmailChangeRecord row) {
        CodeChallenge challenge = new CodeChallenge(row.getCodeHash(), Timestamps.instant(row.getCodeSentAt()),
                Timestamps.instant(row.getCodeExpiresAt()), row.getFailedAttempts(), row.getCodesSent());
        return new EmailChange(row.getId(), new AccountId(row.getAccountId()), new EmailAddress(row.getNewEmail()),
                row.getAddressTaken(), challenge, Timestamps.instant(row.getCreatedAt()));
    }
}
