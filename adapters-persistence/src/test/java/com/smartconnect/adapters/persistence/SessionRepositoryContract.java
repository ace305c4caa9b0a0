package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

abstract class SessionRepositoryContract extends PortContract {

    private SessionRepository sessions() {
        return ports.sessions();
    }

    private static Session session(AccountId accountId, Instant createdAt) {
        return new Session(new SessionId(UUID.randomUUID()), tokenHash(), accountId, createdAt,
                createdAt.plusSeconds(5), createdAt.plus(12, ChronoUnit.HOURS), false);
    }

    /** Like a SHA-256 in hex: 64 characters. */
    private static String tokenHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void keepsASessionAndFindsItByTheHashOfItsToken() {
        Session session = new Session(new SessionId(UUID.randomUUID()), tokenHash(), storedAccount(), Examples.NOW,
                Examples.NOW.plusSeconds(61), Examples.NOW.plus(12, ChronoUnit.HOURS), true);

        sessions().add(session);

        assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session);
    }

    @Test
    void keepsInstantsToTheMicrosecond() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        Session session = session(storedAccount(), withNanos);

        sessions().add(session);

        Session found = sessions().findByTokenHash(session.tokenHash()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(found.lastSeenAt()).isEqualTo(Instant.parse("2026-11-20T08:00:05.123456Z"));
        assertThat(found.expiresAt()).isEqualTo(Instant.parse("2026-11-20T20:00:00.123456Z"));
        assertThat(found.twoFactorPassed()).isFalse();
    }

    @Test
    void findsNothingForAnUnknownTokenHash() {
        sessions().add(session(storedAccount(), Examples.NOW));

        assertThat(sessions().findByTokenHash(tokenHash())).isEmpty();
    }

    @Test
    void touchingChangesOnlyWhenTheSessionWasLastSeen() {
        Session session = session(storedAccount(), Examples.NOW);
        sessions().add(session);
        Instant later = Examples.NOW.plusSeconds(600);

        sessions().touch(session.id(), later);

        assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session.touchedAt(later));
    }

    @Test
    void touchingASessionThatIsGoneDoesNothing() {
        Session session = session(storedAccount(), Examples.NOW);

        sessions().touch(session.id(), Examples.NOW.plusSeconds(600));

        assertThat(sessions().findByTokenHash(session.tokenHash())).isEmpty();
    }

    @Test
    void deletesOneSessionAndDeletingItAgainDoesNothing() {
        AccountId accountId = storedAccount();
        Session ended = session(accountId, Examples.NOW);
        Session other = session(accountId, Examples.NOW);
        sessions().add(ended);
        sessions().add(other);

        sessions().delete(ended.id());
        sessions().delete(ended.id());
        sessions().delete(new SessionId(UUID.randomUUID()));

        assertThat(sessions().findByTokenHash(ended.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(other.tokenHash())).contains(other);
    }

    @Test
    void deletesEverySessionOfOneAccountAndCountsThem() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        Session first = session(accountId, Examples.NOW);
        Session second = session(accountId, Examples.NOW.plusSeconds(60));
        Session ofTheOtherAccount = session(otherAccountId, Examples.NOW);
        sessions().add(first);
        sessions().add(second);
        sessions().add(ofTheOtherAccount);

        assertThat(sessions().deleteAllOf(accountId)).isEqualTo(2);

        assertThat(sessions().findByTokenHash(first.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(second.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
        assertThat(sessions().deleteAllOf(accountId)).isZero();
    }

    /** After a password change: every other session of the account ends, the one that changed it goes on. */
    @Test
    void deletesEverySessionOfOneAccountButOneAndCountsThem() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        Session kept = session(accountId, Examples.NOW);
        Session first = session(accountId, Examples.NOW.plusSeconds(60));
        Session second = session(accountId, Examples.NOW.plusSeconds(120));
        Session ofTheOtherAccount = session(otherAccountId, Examples.NOW);
        sessions().add(kept);
        sessions().add(first);
        sessions().add(second);
        sessions().add(ofTheOtherAccount);

        assertThat(sessions().deleteAllOfExcept(accountId, kept.id())).isEqualTo(2);

        assertThat(sessions().findByTokenHash(kept.tokenHash())).contains(kept);
        assertThat(sessions().findByTokenHash(first.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(second.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
        assertThat(sessions().deleteAllOfExcept(accountId, kept.id())).isZero();
    }

    /** The session to keep may belong to another account; it still ends nothing but the account's sessions. */
    @Test
    void keepingASessionOfAnotherAccountDeletesOnlyTheSessionsOfTheAccount() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        Session ofTheAccount = session(accountId, Examples.NOW);
        Session ofTheOtherAccount = session(otherAccountId, Examples.NOW);
        sessions().add(ofTheAccount);
        sessions().add(ofTheOtherAccount);

        assertThat(sessions().deleteAllOfExcept(accountId, ofTheOtherAccount.id())).isEqualTo(1);

        assertThat(sessions().findByTokenHash(ofTheAccount.tokenHash())).isEmpty();
        assertThat(sessions().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
    }

    /** Passing two-factor authentication changes that one session, and nothing else of it. */
    @Test
    void marksOneSessionAsHavingPassedTwoFactorAuthentication() {
        AccountId accountId = storedAccount();
        Session passed = session(accountId, Examples.NOW);
        Session other = session(accountId, Examples.NOW);
        sessions().add(passed);
        sessions().add(other);

        sessions().markTwoFactorPassed(passed.id());

        assertThat(sessions().findByTokenHash(passed.tokenHash())).contains(passed.withTwoFactorPassed());
        assertThat(sessions().findByTokenHash(other.tokenHash())).contains(other);

        sessions().markTwoFactorPassed(passed.id());
        assertThat(sessions().findByTokenHash(passed.tokenHash())).contains(passed.withTwoFactorPassed());
    }

    @Test
    void markingASessionThatIsGoneDoesNothing() {
        Session session = session(storedAccount(), Examples.NOW);

        sessions().markTwoFactorPassed(session.id());

        assertThat(sessions().findByTokenHash(session.tokenHash())).isEmpty();
    }

    /** Turning two-factor authentication off: the account's sessions go on, none of them as having passed it. */
    @Test
    void clearsTheTwoFactorPassOfEverySessionOfOneAccountOnly() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        Session first = session(accountId, Examples.NOW).withTwoFactorPassed();
        Session second = session(accountId, Examples.NOW.plusSeconds(60)).withTwoFactorPassed();
        Session notPassed = session(accountId, Examples.NOW.plusSeconds(120));
        Session ofTheOtherAccount = session(otherAccountId, Examples.NOW).withTwoFactorPassed();
        sessions().add(first);
        sessions().add(second);
        sessions().add(notPassed);
        sessions().add(ofTheOtherAccount);

        sessions().clearTwoFactorPassed(accountId);

        assertThat(sessions().findByTokenHash(first.tokenHash())).contains(session(first, false));
        assertThat(sessions().findByTokenHash(second.tokenHash())).contains(session(second, false));
        assertThat(sessions().findByTokenHash(notPassed.tokenHash())).contains(notPassed);
        assertThat(sessions().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
        sessions().clearTwoFactorPassed(new AccountId(UUID.randomUUID()));
        assertThat(sessions().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
    }

    /** {@code session} as it is but for whether it passed two-factor authentication. */
    private static Session session(Session session, boolean twoFactorPassed) {
        return new Session(session.id(), session.tokenHash(), session.accountId(), session.createdAt(),
                session.lastSeenAt(), session.expiresAt(), twoFactorPassed);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsSessions() throws SQLException {
        AccountId accountId = storedAccount();
        Session session = session(accountId, Examples.NOW);
        sessions().add(session);

        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM account WHERE id = ?")) {
            delete.setObject(1, accountId.value());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        assertThat(sessions().findByTokenHash(session.tokenHash())).isEmpty();
    }
}
