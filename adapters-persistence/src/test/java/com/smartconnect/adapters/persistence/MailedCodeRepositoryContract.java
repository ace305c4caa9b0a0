package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class MailedCodeRepositoryContract extends PortContract {

    private MailedCodeRepository codes() {
        return ports.mailedCodes();
    }

    private static MailedCode code(AccountId accountId, CodePurpose purpose, Instant sentAt) {
        return MailedCode.sent(accountId, purpose, Examples.argon2CodeHash(), sentAt);
    }

    private static MailedCode withFailedAttempts(MailedCode code, int failedAttempts) {
        return new MailedCode(code.accountId(), code.purpose(), code.codeHash(), code.sentAt(), code.expiresAt(),
                failedAttempts);
    }

    /** Every field comes back, a hash of the most characters the column takes whole, the instants to the microsecond. */
    @Test
    void keepsACodeOfEachPurposeWithEveryField() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        AccountId accountId = storedAccount();
        String longestHash = (Examples.argon2CodeHash() + Examples.argon2CodeHash() + Examples.argon2CodeHash())
                .substring(0, 255);
        MailedCode code = new MailedCode(accountId, CodePurpose.LOGIN, longestHash, withNanos,
                withNanos.plus(MailedCode.VALIDITY), 3);

        codes().put(code);

        MailedCode found = codes().find(accountId, CodePurpose.LOGIN).orElseThrow();
        assertThat(found).isEqualTo(new MailedCode(accountId, CodePurpose.LOGIN, longestHash,
                Instant.parse("2026-11-20T08:00:00.123456Z"), Instant.parse("2026-11-20T08:10:00.123456Z"), 3));
        assertThat(found.codeHash()).hasSize(255);
        for (CodePurpose purpose : new CodePurpose[] {CodePurpose.ENROLMENT, CodePurpose.CONFIRMATION}) {
            MailedCode ofThePurpose = code(accountId, purpose, Examples.NOW);
            codes().put(ofThePurpose);
            assertThat(codes().find(accountId, purpose)).contains(ofThePurpose);
        }
        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(found);
    }

    @Test
    void findsNothingOfAnotherPurposeOrAccount() {
        AccountId accountId = storedAccount();
        codes().put(code(accountId, CodePurpose.LOGIN, Examples.NOW));

        assertThat(codes().find(accountId, CodePurpose.CONFIRMATION)).isEmpty();
        assertThat(codes().find(accountId, CodePurpose.ENROLMENT)).isEmpty();
        assertThat(codes().find(storedAccount(), CodePurpose.LOGIN)).isEmpty();
        assertThat(codes().find(new AccountId(UUID.randomUUID()), CodePurpose.LOGIN)).isEmpty();
    }

    /** A new code, with its count of wrong tries back at zero, replaces the earlier of its purpose and nothing else. */
    @Test
    void puttingReplacesTheCodeOfTheSameAccountAndPurposeOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        codes().put(withFailedAttempts(code(accountId, CodePurpose.LOGIN, Examples.NOW), 4));
        MailedCode ofAnotherPurpose = code(accountId, CodePurpose.CONFIRMATION, Examples.NOW);
        codes().put(ofAnotherPurpose);
        MailedCode ofTheOtherAccount = code(otherAccountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(ofTheOtherAccount);
        MailedCode later = code(accountId, CodePurpose.LOGIN, Examples.NOW.plusSeconds(60));

        codes().put(later);

        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(later);
        assertThat(codes().find(accountId, CodePurpose.LOGIN).orElseThrow().failedAttempts()).isZero();
        assertThat(codes().find(accountId, CodePurpose.CONFIRMATION)).contains(ofAnotherPurpose);
        assertThat(codes().find(otherAccountId, CodePurpose.LOGIN)).contains(ofTheOtherAccount);
        inTheTables(() -> assertThat(rows(accountId)).isEqualTo(2));
    }

    /** Two codes of one purpose sent at once: the second waits for the first to commit, then replaces it. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void twoCodesPutAtOnceBothSucceedAndTheLaterWins() throws Exception {
        AccountId accountId = storedAccount();
        MailedCode first = code(accountId, CodePurpose.LOGIN, Examples.NOW);
        MailedCode second = code(accountId, CodePurpose.LOGIN, Examples.NOW.plusSeconds(1));
        CountDownLatch firstPut = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> firstPutting = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            codes().put(first);
            firstPut.countDown();
            await(releaseFirst);
            return null;
        }), SEPARATE_THREADS);
        await(firstPut);
        CompletableFuture<Void> secondPutting = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(
                () -> {
                    codes().put(second);
                    return null;
                }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseFirst.countDown();

        firstPutting.get(10, TimeUnit.SECONDS);
        secondPutting.get(10, TimeUnit.SECONDS);
        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(second);
        assertThat(rows(accountId)).isEqualTo(1);
    }

    @Test
    void countsWrongTriesAgainstTheCodeOfOnePurposeOnly() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        MailedCode code = code(accountId, CodePurpose.ENROLMENT, Examples.NOW);
        codes().put(code);
        MailedCode ofAnotherPurpose = code(accountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(ofAnotherPurpose);
        MailedCode ofTheOtherAccount = code(otherAccountId, CodePurpose.ENROLMENT, Examples.NOW);
        codes().put(ofTheOtherAccount);

        codes().recordFailure(accountId, CodePurpose.ENROLMENT);
        assertThat(codes().find(accountId, CodePurpose.ENROLMENT)).contains(withFailedAttempts(code, 1));
        codes().recordFailure(accountId, CodePurpose.ENROLMENT);
        codes().recordFailure(accountId, CodePurpose.ENROLMENT);

        assertThat(codes().find(accountId, CodePurpose.ENROLMENT)).contains(withFailedAttempts(code, 3));
        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(ofAnotherPurpose);
        assertThat(codes().find(otherAccountId, CodePurpose.ENROLMENT)).contains(ofTheOtherAccount);
    }

    @Test
    void countingAWrongTryAgainstACodeThatIsGoneDoesNothing() throws SQLException {
        AccountId accountId = storedAccount();

        codes().recordFailure(accountId, CodePurpose.LOGIN);

        assertThat(codes().find(accountId, CodePurpose.LOGIN)).isEmpty();
        inTheTables(() -> assertThat(rows(accountId)).isZero());
    }

    /** Two wrong tries at once both count: the second waits for the first to commit, then adds to its count. */
    @Test
    void wrongTriesAtOnceAreAllCounted() throws Exception {
        AccountId accountId = storedAccount();
        MailedCode code = code(accountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(code);
        CountDownLatch firstCounted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            codes().recordFailure(accountId, CodePurpose.LOGIN);
            firstCounted.countDown();
            await(releaseFirst);
            return null;
        }), SEPARATE_THREADS);
        await(firstCounted);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            codes().recordFailure(accountId, CodePurpose.LOGIN);
            return null;
        }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(withFailedAttempts(code, 2));
    }

    @Test
    void deletesTheCodeOfOnePurposeAndDeletingItAgainDoesNothing() {
        AccountId accountId = storedAccount();
        codes().put(code(accountId, CodePurpose.CONFIRMATION, Examples.NOW));
        MailedCode ofAnotherPurpose = code(accountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(ofAnotherPurpose);

        codes().delete(accountId, CodePurpose.CONFIRMATION);
        codes().delete(accountId, CodePurpose.CONFIRMATION);
        codes().delete(accountId, CodePurpose.ENROLMENT);

        assertThat(codes().find(accountId, CodePurpose.CONFIRMATION)).isEmpty();
        assertThat(codes().find(accountId, CodePurpose.LOGIN)).contains(ofAnotherPurpose);
    }

    @Test
    void deletesEveryCodeOfOneAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        for (CodePurpose purpose : CodePurpose.values()) {
            codes().put(code(accountId, purpose, Examples.NOW));
        }
        MailedCode ofTheOtherAccount = code(otherAccountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(ofTheOtherAccount);
        inTheTables(() -> assertThat(rows(accountId)).isEqualTo(3));

        codes().deleteAllOf(accountId);

        inTheTables(() -> assertThat(rows(accountId)).isZero());
        for (CodePurpose purpose : CodePurpose.values()) {
            assertThat(codes().find(accountId, purpose)).isEmpty();
        }
        assertThat(codes().find(otherAccountId, CodePurpose.LOGIN)).contains(ofTheOtherAccount);
        codes().deleteAllOf(accountId);
        codes().deleteAllOf(new AccountId(UUID.randomUUID()));
        assertThat(codes().find(otherAccountId, CodePurpose.LOGIN)).contains(ofTheOtherAccount);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsCodes() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        codes().put(code(accountId, CodePurpose.LOGIN, Examples.NOW));
        codes().put(code(accountId, CodePurpose.CONFIRMATION, Examples.NOW));
        MailedCode ofTheOtherAccount = code(otherAccountId, CodePurpose.LOGIN, Examples.NOW);
        codes().put(ofTheOtherAccount);
        assertThat(rows(accountId)).isEqualTo(2);

        assertThat(ports.accounts().delete(accountId)).isTrue();

        assertThat(rows(accountId)).isZero();
        assertThat(codes().find(otherAccountId, CodePurpose.LOGIN)).contains(ofTheOtherAccount);
    }

    /** How many rows of {@code two_factor_code} belong to the account, counted past the port. */
    private int rows(AccountId accountId) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM two_factor_code WHERE account_id = ?")) {
            count.setObject(1, accountId.value());
            try (ResultSet result = count.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getInt(1);
            }
        }
    }
}
