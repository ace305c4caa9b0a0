package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.PasswordReset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class PasswordResetRepositoryContract extends PortContract {

    private PasswordResetRepository resets() {
        return ports.passwordResets();
    }

    private static PasswordReset reset(AccountId accountId, Instant createdAt) {
        return PasswordReset.issue(UUID.randomUUID(), tokenHash(), accountId, createdAt);
    }

    /** Like a SHA-256 in hex: 64 characters. */
    private static String tokenHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void keepsAnUnusedLinkAndFindsItByTheHashOfItsToken() {
        PasswordReset reset = reset(storedAccount(), Examples.NOW);

        resets().add(reset);

        assertThat(resets().findByTokenHash(reset.tokenHash())).contains(reset);
        assertThat(reset.usedAt()).isEmpty();
    }

    @Test
    void keepsAUsedLink() {
        PasswordReset reset = new PasswordReset(UUID.randomUUID(), tokenHash(), storedAccount(), Examples.NOW,
                Examples.NOW.plus(PasswordReset.VALIDITY), Optional.of(Examples.NOW.plusSeconds(90)));

        resets().add(reset);

        assertThat(resets().findByTokenHash(reset.tokenHash())).contains(reset);
    }

    @Test
    void keepsInstantsToTheMicrosecond() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        PasswordReset reset = new PasswordReset(UUID.randomUUID(), tokenHash(), storedAccount(), withNanos,
                withNanos.plus(PasswordReset.VALIDITY), Optional.of(withNanos.plusSeconds(30)));

        resets().add(reset);

        PasswordReset found = resets().findByTokenHash(reset.tokenHash()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(found.expiresAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123456Z"));
        assertThat(found.usedAt()).contains(Instant.parse("2026-11-20T08:00:30.123456Z"));
    }

    @Test
    void findsNothingForAnUnknownTokenHash() {
        resets().add(reset(storedAccount(), Examples.NOW));
        String unknown = tokenHash();

        assertThat(resets().findByTokenHash(unknown)).isEmpty();
        assertThat(ports.transactions().inTransaction(() -> resets().findByTokenHashForUpdate(unknown))).isEmpty();
    }

    @Test
    void findsALinkForUpdateInsideATransaction() {
        PasswordReset reset = reset(storedAccount(), Examples.NOW);
        resets().add(reset);

        Optional<PasswordReset> locked = ports.transactions().inTransaction(
                () -> resets().findByTokenHashForUpdate(reset.tokenHash()));

        assertThat(locked).contains(reset);
    }

    /** Two uses of one link must not interleave: the second waits for the first to commit, then sees it used. */
    @Test
    void locksTheLinkItFindsForUpdateUntilTheTransactionEnds() throws Exception {
        AccountId accountId = storedAccount();
        PasswordReset reset = reset(accountId, Examples.NOW);
        resets().add(reset);
        Instant usedAt = Examples.NOW.plusSeconds(60);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            resets().findByTokenHashForUpdate(reset.tokenHash()).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            resets().markAllUsed(accountId, usedAt);
            return null;
        }), SEPARATE_THREADS);
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<Instant>> second = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(
                        () -> resets().findByTokenHashForUpdate(reset.tokenHash()).orElseThrow().usedAt()),
                SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).contains(usedAt);
    }

    @Test
    void retiresEveryUnusedLinkOfOneAccountOnly() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        PasswordReset first = reset(accountId, Examples.NOW);
        PasswordReset second = reset(accountId, Examples.NOW.plusSeconds(60));
        Instant usedEarlier = Examples.NOW.plusSeconds(30);
        PasswordReset alreadyUsed = new PasswordReset(UUID.randomUUID(), tokenHash(), accountId,
                Examples.NOW.minusSeconds(60), Examples.NOW.minusSeconds(60).plus(PasswordReset.VALIDITY),
                Optional.of(usedEarlier));
        PasswordReset ofTheOtherAccount = reset(otherAccountId, Examples.NOW);
        for (PasswordReset reset : new PasswordReset[] {first, second, alreadyUsed, ofTheOtherAccount}) {
            resets().add(reset);
        }
        Instant at = Examples.NOW.plusSeconds(120);

        resets().markAllUsed(accountId, at);

        assertThat(resets().findByTokenHash(first.tokenHash()).orElseThrow().usedAt()).contains(at);
        assertThat(resets().findByTokenHash(second.tokenHash()).orElseThrow().usedAt()).contains(at);
        assertThat(resets().findByTokenHash(alreadyUsed.tokenHash())).contains(alreadyUsed);
        assertThat(resets().findByTokenHash(ofTheOtherAccount.tokenHash())).contains(ofTheOtherAccount);
    }

    @Test
    void countsTheLinksOfOneAccountSinceATime() {
        AccountId accountId = storedAccount();
        for (int minutes : new int[] {0, 30, 59}) {
            resets().add(reset(accountId, Examples.NOW.plusSeconds(60L * minutes)));
        }
        resets().add(reset(storedAccount(), Examples.NOW.plusSeconds(60L * 30)));

        assertThat(resets().countCreatedSince(accountId, Examples.NOW.minusSeconds(1))).isEqualTo(3);
        assertThat(resets().countCreatedSince(accountId, Examples.NOW)).isEqualTo(3);
        assertThat(resets().countCreatedSince(accountId, Examples.NOW.plusNanos(1000))).isEqualTo(2);
        assertThat(resets().countCreatedSince(accountId, Examples.NOW.plusSeconds(60 * 30))).isEqualTo(2);
        assertThat(resets().countCreatedSince(accountId, Examples.NOW.plusSeconds(60 * 59))).isEqualTo(1);
        assertThat(resets().countCreatedSince(accountId, Examples.NOW.plusSeconds(60 * 60))).isZero();
        assertThat(resets().countCreatedSince(new AccountId(UUID.randomUUID()), Examples.NOW)).isZero();
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsLinks() throws SQLException {
        AccountId accountId = storedAccount();
        PasswordReset reset = reset(accountId, Examples.NOW);
        resets().add(reset);

        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM account WHERE id = ?")) {
            delete.setObject(1, accountId.value());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        assertThat(resets().findByTokenHash(reset.tokenHash())).isEmpty();
        assertThat(resets().countCreatedSince(accountId, Examples.NOW)).isZero();
    }
}
