package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.port.out.EmailChangeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailChange;
import com.smartconnect.domain.common.CodeChallenge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class EmailChangeRepositoryContract extends PortContract {

    private EmailChangeRepository changes() {
        return ports.emailChanges();
    }

    private Optional<EmailChange> findForUpdate(AccountId accountId) {
        return ports.transactions().inTransaction(() -> changes().findForUpdate(accountId));
    }

    /** Every field comes back, a 100-character Argon2 hash whole and the instants to the microsecond. */
    @Test
    void keepsAChangeAndFindsItForUpdate() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        EmailChange change = Examples.emailChange(storedAccount(), withNanos);
        assertThat(change.challenge().codeHash()).hasSize(100);

        changes().replace(change);

        EmailChange found = findForUpdate(change.accountId()).orElseThrow();
        Instant micros = withNanos.truncatedTo(ChronoUnit.MICROS);
        assertThat(found).isEqualTo(new EmailChange(change.id(), change.accountId(), change.newEmail(), false,
                CodeChallenge.issued(change.challenge().codeHash(), micros), micros));
        assertThat(found.challenge().codeHash()).isEqualTo(change.challenge().codeHash());
        assertThat(found.challenge().sentAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(found.challenge().expiresAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00.123456Z"));
    }

    @Test
    void keepsAChangeToAnAddressThatHasAnAccount() {
        AccountId accountId = storedAccount();
        EmailChange change = EmailChange.request(UUID.randomUUID(), accountId, Examples.uniqueEmail(), true,
                Examples.argon2CodeHash(), Examples.NOW);

        changes().replace(change);

        assertThat(findForUpdate(accountId)).contains(change);
        assertThat(findForUpdate(accountId).orElseThrow().addressTaken()).isTrue();
    }

    @Test
    void findsNothingForAnAccountWithoutAChange() {
        assertThat(findForUpdate(storedAccount())).isEmpty();
        assertThat(findForUpdate(new AccountId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void replacesTheEarlierChangeOfTheSameAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        EmailChange earlier = Examples.emailChange(accountId, Examples.NOW);
        EmailChange ofTheOtherAccount = Examples.emailChange(otherAccountId, Examples.NOW);
        changes().replace(earlier);
        changes().replace(ofTheOtherAccount);
        EmailChange later = Examples.emailChange(accountId, Examples.NOW.plusSeconds(60));

        changes().replace(later);

        assertThat(findForUpdate(accountId)).contains(later);
        inTheTables(() -> assertThat(rowsOf(accountId)).isEqualTo(1));
        assertThat(findForUpdate(otherAccountId)).contains(ofTheOtherAccount);
        inTheTables(() -> assertThat(rowsOf(otherAccountId)).isEqualTo(1));
    }

    /** The delete and the insert are one: a transaction that fails after them keeps the earlier change. */
    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void replacesInTheCallersTransaction() {
        AccountId accountId = storedAccount();
        EmailChange earlier = Examples.emailChange(accountId, Examples.NOW);
        changes().replace(earlier);

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            changes().replace(Examples.emailChange(accountId, Examples.NOW.plusSeconds(60)));
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(findForUpdate(accountId)).contains(earlier);
    }

    @Test
    void savesWrongTries() {
        EmailChange change = Examples.emailChange(storedAccount(), Examples.NOW);
        changes().replace(change);
        Instant later = Examples.NOW.plusSeconds(30);

        EmailChange wrongOnce = change.attempt(false, later).change();
        changes().update(wrongOnce);
        assertThat(findForUpdate(change.accountId())).contains(wrongOnce);

        EmailChange wrongTwice = wrongOnce.attempt(false, later).change();
        ports.transactions().inTransaction(() -> {
            EmailChange locked = changes().findForUpdate(change.accountId()).orElseThrow();
            changes().update(locked.attempt(false, later).change());
            return null;
        });

        EmailChange found = findForUpdate(change.accountId()).orElseThrow();
        assertThat(found).isEqualTo(wrongTwice);
        assertThat(found.challenge().failedAttempts()).isEqualTo(2);
        assertThat(found.challenge().attemptsLeft()).isEqualTo(3);
    }

    /** Neither a change that was never recorded nor one that a later request replaced may pass for saved. */
    @Test
    void refusesToUpdateAChangeThatIsNotPending() {
        AccountId accountId = storedAccount();
        EmailChange neverRecorded = Examples.emailChange(accountId, Examples.NOW);
        assertThatThrownBy(() -> changes().update(neverRecorded)).isInstanceOf(IllegalStateException.class);
        assertThat(findForUpdate(accountId)).isEmpty();

        EmailChange replaced = Examples.emailChange(accountId, Examples.NOW);
        changes().replace(replaced);
        EmailChange current = Examples.emailChange(accountId, Examples.NOW.plusSeconds(60));
        changes().replace(current);

        assertThatThrownBy(() -> changes().update(replaced.attempt(false, Examples.NOW).change()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(findForUpdate(accountId)).contains(current);
    }

    @Test
    void deletesTheChangeOfOneAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        changes().replace(Examples.emailChange(accountId, Examples.NOW));
        EmailChange ofTheOtherAccount = Examples.emailChange(otherAccountId, Examples.NOW);
        changes().replace(ofTheOtherAccount);

        changes().deleteFor(accountId);

        assertThat(findForUpdate(accountId)).isEmpty();
        inTheTables(() -> assertThat(rowsOf(accountId)).isZero());
        assertThat(findForUpdate(otherAccountId)).contains(ofTheOtherAccount);

        changes().deleteFor(accountId);
        changes().deleteFor(new AccountId(UUID.randomUUID()));
        assertThat(findForUpdate(otherAccountId)).contains(ofTheOtherAccount);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsChange() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        changes().replace(Examples.emailChange(accountId, Examples.NOW));
        EmailChange ofTheOtherAccount = Examples.emailChange(otherAccountId, Examples.NOW);
        changes().replace(ofTheOtherAccount);
        assertThat(rowsOf(accountId)).isEqualTo(1);

        ports.accounts().delete(accountId);

        assertThat(rowsOf(accountId)).isZero();
        assertThat(findForUpdate(accountId)).isEmpty();
        assertThat(findForUpdate(otherAccountId)).contains(ofTheOtherAccount);
    }

    /** Two tries of a code must not interleave: the second waits for the first to commit, then sees its result. */
    @Test
    void locksTheChangeItFindsForUpdateUntilTheTransactionEnds() throws Exception {
        EmailChange change = Examples.emailChange(storedAccount(), Examples.NOW);
        changes().replace(change);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            EmailChange found = changes().findForUpdate(change.accountId()).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            changes().update(found.attempt(false, Examples.NOW).change());
            return null;
        }), SEPARATE_THREADS);
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> changes().findForUpdate(change.accountId()).orElseThrow().challenge().failedAttempts()),
                SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    /** How many rows of {@code email_change} belong to the account, counted past the port. */
    private int rowsOf(AccountId accountId) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM email_change WHERE account_id = ?")) {
            count.setObject(1, accountId.value());
            try (ResultSet result = count.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getInt(1);
            }
        }
    }
}
