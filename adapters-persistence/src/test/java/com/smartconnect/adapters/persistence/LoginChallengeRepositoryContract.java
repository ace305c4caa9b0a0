package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.LoginChallenge;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

abstract class LoginChallengeRepositoryContract extends PortContract {

    private LoginChallengeRepository challenges() {
        return ports.loginChallenges();
    }

    private static LoginChallenge challenge(AccountId accountId, TwoFactorMethod method) {
        return LoginChallenge.start(UUID.randomUUID(), Examples.tokenHash(), accountId, method, Examples.NOW);
    }

    private static LoginChallenge withFailedAttempts(LoginChallenge challenge, int failedAttempts) {
        return new LoginChallenge(challenge.id(), challenge.tokenHash(), challenge.accountId(), challenge.method(),
                challenge.expiresAt(), failedAttempts);
    }

    private Optional<LoginChallenge> lock(UUID id) {
        return ports.transactions().inTransaction(() -> challenges().lock(id));
    }

    /** Every field comes back, the instant to the microsecond. */
    @Test
    void keepsAChallengeAndFindsItByTheHashOfItsToken() {
        Instant withNanos = Instant.parse("2026-11-20T08:10:00.123456789Z");
        AccountId accountId = storedAccount();
        LoginChallenge challenge = new LoginChallenge(UUID.randomUUID(), Examples.tokenHash(), accountId,
                TwoFactorMethod.TOTP, withNanos, 2);

        challenges().add(challenge);

        LoginChallenge found = challenges().findByTokenHash(challenge.tokenHash()).orElseThrow();
        assertThat(found).isEqualTo(new LoginChallenge(challenge.id(), challenge.tokenHash(), accountId,
                TwoFactorMethod.TOTP, Instant.parse("2026-11-20T08:10:00.123456Z"), 2));
    }

    @Test
    void keepsAChallengeOfEachMethod() {
        AccountId accountId = storedAccount();
        for (TwoFactorMethod method : TwoFactorMethod.values()) {
            LoginChallenge challenge = challenge(accountId, method);

            challenges().add(challenge);

            assertThat(challenges().findByTokenHash(challenge.tokenHash())).contains(challenge);
            assertThat(lock(challenge.id())).contains(challenge);
        }
    }

    @Test
    void findsNothingForAnUnknownTokenHashOrId() {
        challenges().add(challenge(storedAccount(), TwoFactorMethod.EMAIL));

        assertThat(challenges().findByTokenHash(Examples.tokenHash())).isEmpty();
        assertThat(lock(UUID.randomUUID())).isEmpty();
    }

    /** Token hashes are unique: a second challenge with the same one is refused, the first stays. */
    @DatabaseOnly("its unique key refuses with jOOQ's exception")
    @Test
    void refusesASecondChallengeWithTheSameTokenHash() {
        AccountId accountId = storedAccount();
        LoginChallenge first = challenge(accountId, TwoFactorMethod.TOTP);
        challenges().add(first);
        LoginChallenge sameToken = new LoginChallenge(UUID.randomUUID(), first.tokenHash(), storedAccount(),
                TwoFactorMethod.EMAIL, Examples.NOW, 0);

        assertThatThrownBy(() -> challenges().add(sameToken)).isInstanceOf(DataAccessException.class);

        assertThat(challenges().findByTokenHash(first.tokenHash())).contains(first);
    }

    /** The lock returns the row as it is now, with the wrong tries counted since it was added. */
    @Test
    void lockingReturnsTheChallengeAsItIsNow() {
        LoginChallenge challenge = challenge(storedAccount(), TwoFactorMethod.TOTP);
        challenges().add(challenge);
        challenges().recordFailure(challenge.id());
        challenges().recordFailure(challenge.id());

        LoginChallenge locked = lock(challenge.id()).orElseThrow();

        assertThat(locked).isEqualTo(withFailedAttempts(challenge, 2));
        assertThat(locked.attemptsLeftAfterFailure()).isEqualTo(2);
    }

    /**
     * Two tries of one challenge must not interleave: the second waits for the first to commit, then sees the wrong
     * try it counted.
     */
    @Test
    void locksTheChallengeUntilTheTransactionEnds() throws Exception {
        LoginChallenge challenge = challenge(storedAccount(), TwoFactorMethod.EMAIL);
        challenges().add(challenge);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            challenges().lock(challenge.id()).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            challenges().recordFailure(challenge.id());
            return null;
        }), SEPARATE_THREADS);
        await(firstHoldsTheLock);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> challenges().lock(challenge.id()).orElseThrow().failedAttempts()), SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    /** A challenge that ended while the second try waited for its lock is gone for that try too. */
    @Test
    void lockingAChallengeThatEndedMeanwhileFindsNothing() throws Exception {
        LoginChallenge challenge = challenge(storedAccount(), TwoFactorMethod.TOTP);
        challenges().add(challenge);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            challenges().lock(challenge.id()).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            challenges().delete(challenge.id());
            return null;
        }), SEPARATE_THREADS);
        await(firstHoldsTheLock);
        CompletableFuture<Optional<LoginChallenge>> second = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> challenges().lock(challenge.id())), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void countsWrongTriesAgainstOneChallengeOnly() {
        AccountId accountId = storedAccount();
        LoginChallenge challenge = challenge(accountId, TwoFactorMethod.TOTP);
        LoginChallenge other = challenge(accountId, TwoFactorMethod.TOTP);
        challenges().add(challenge);
        challenges().add(other);

        challenges().recordFailure(challenge.id());
        assertThat(challenges().findByTokenHash(challenge.tokenHash())).contains(withFailedAttempts(challenge, 1));
        for (int i = 0; i < 4; i++) {
            challenges().recordFailure(challenge.id());
        }

        LoginChallenge found = challenges().findByTokenHash(challenge.tokenHash()).orElseThrow();
        assertThat(found).isEqualTo(withFailedAttempts(challenge, 5));
        assertThat(found.isOpenAt(Examples.NOW)).isFalse();
        assertThat(challenges().findByTokenHash(other.tokenHash())).contains(other);
        challenges().recordFailure(UUID.randomUUID());
        assertThat(challenges().findByTokenHash(other.tokenHash())).contains(other);
    }

    @Test
    void deletesOneChallengeAndDeletingItAgainDoesNothing() {
        AccountId accountId = storedAccount();
        LoginChallenge ended = challenge(accountId, TwoFactorMethod.EMAIL);
        LoginChallenge other = challenge(accountId, TwoFactorMethod.EMAIL);
        challenges().add(ended);
        challenges().add(other);

        challenges().delete(ended.id());
        challenges().delete(ended.id());
        challenges().delete(UUID.randomUUID());

        assertThat(challenges().findByTokenHash(ended.tokenHash())).isEmpty();
        assertThat(lock(ended.id())).isEmpty();
        assertThat(challenges().findByTokenHash(other.tokenHash())).contains(other);
    }

    @Test
    void deletesEveryChallengeOfOneAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        LoginChallenge first = challenge(accountId, TwoFactorMethod.TOTP);
        LoginChallenge second = challenge(accountId, TwoFactorMethod.EMAIL);
        LoginChallenge ofTheOtherAccount = challenge(otherAccountId, TwoFactorMethod.TOTP);
        challenges().add(first);
        challenges().add(second);
        challenges().add(ofTheOtherAccount);

        challenges().deleteAllOf(accountId);

        assertThat(challenges().findByTokenHash(first.tokenHash())).isEmpty();
        assertThat(challenges().findByTokenHash(second.tokenHash())).isEmpty();
        inTheTables(() -> assertThat(rows(accountId)).isZero());
        assertThat(challenges().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
        challenges().deleteAllOf(accountId);
        challenges().deleteAllOf(new AccountId(UUID.randomUUID()));
        assertThat(challenges().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsChallenges() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        LoginChallenge challenge = challenge(accountId, TwoFactorMethod.TOTP);
        challenges().add(challenge);
        challenges().add(challenge(accountId, TwoFactorMethod.EMAIL));
        LoginChallenge ofTheOtherAccount = challenge(otherAccountId, TwoFactorMethod.TOTP);
        challenges().add(ofTheOtherAccount);
        assertThat(rows(accountId)).isEqualTo(2);

        assertThat(ports.accounts().delete(accountId)).isTrue();

        assertThat(rows(accountId)).isZero();
        assertThat(challenges().findByTokenHash(challenge.tokenHash())).isEmpty();
        assertThat(challenges().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
    }

    /** How many rows of {@code login_challenge} belong to the account, counted past the port. */
    private int rows(AccountId accountId) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM login_challenge WHERE account_id = ?")) {
            count.setObject(1, accountId.value());
            try (ResultSet result = count.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getInt(1);
            }
        }
    }
}
