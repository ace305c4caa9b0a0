package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.SESSION;

import com.smartconnect.adapters.persistence.jooq.tables.records.SessionRecord;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * The login sessions, in table {@code session}, found by the unique hash of their token. Deleting an account
 * deletes its sessions with it ({@code ON DELETE CASCADE}).
 */
final class DatabaseSessions implements SessionRepository {

    private final DatabaseTransactions transactions;

    DatabaseSessions(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Session session) {
        transactions.dsl().executeInsert(new SessionRecord(session.id().value(), session.tokenHash(),
                session.accountId().value(), Timestamps.column(session.createdAt()),
                Timestamps.column(session.lastSeenAt()), Timestamps.column(session.expiresAt()),
                session.twoFactorPassed()));
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(SESSION).where(SESSION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabaseSessions::session);
    }

    /** Writes only {@code last_seen_at}; a session that is gone stays gone. */
    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        transactions.dsl().update(SESSION)
                .set(SESSION.LAST_SEEN_AT, Timestamps.column(lastSeenAt))
                .where(SESSION.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void delete(SessionId id) {
        transactions.dsl().deleteFrom(SESSION).where(SESSION.ID.eq(id.value())).execute();
    }

    @Override
    public int deleteAllOf(AccountId accountId) {
        return transactions.dsl().deleteFrom(SESSION).where(SESSION.ACCOUNT_ID.eq(accountId.value())).execute();
    }

    @Override
    public int deleteAllOfExcept(AccountId accountId, SessionId keep) {
        return transactions.dsl().deleteFrom(SESSION)
                .where(SESSION.ACCOUNT_ID.eq(accountId.value()))
                .and(SESSION.ID.ne(keep.value()))
                .execute();
    }

    /** Writes only {@code two_factor_passed}; a session that is gone stays gone. */
    @Override
    public void markTwoFactorPassed(SessionId id) {
        transactions.dsl().update(SESSION)
                .set(SESSION.TWO_FACTOR_PASSED, true)
                .where(SESSION.ID.eq(id.value()))
                .execute();
    }

    /** Along the index on {@code account_id}; the sessions themselves go on. */
    @Override
    public void clearTwoFactorPassed(AccountId accountId) {
        transactions.dsl().update(SESSION)
                .set(SESSION.TWO_FACTOR_PASSED, false)
                .where(SESSION.ACCOUNT_ID.eq(accountId.value()))
                .execute();
    }

    private static Session session(SessionRecord row) {
        return new Session(new SessionId(row.getId()), row.getTokenHash(), new AccountId(row.getAccountId()),
                Timestamps.instant(row.getCreatedAt()), Timestamps.instant(row.getLastSeenAt()),
                Timestamps.instant(row.getExpiresAt()), row.getTwoFactorPassed());
    }
}
