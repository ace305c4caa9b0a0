package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class TwoFactorRepositoryContract extends PortContract {

    /** The TOTP time step of {@link Examples#NOW}. */
    private static final long STEP_OF_2026 = Examples.NOW.getEpochSecond() / 30;
    /** A step past what 32 bits hold: the column must keep a long. */
    private static final long LARGE_STEP = 3_000_000_000L;

    private TwoFactorRepository twoFactor() {
        return ports.twoFactor();
    }

    /** Opaque text of 200 characters, the most a sealed secret is expected to need. */
    private static String sealedSecret() {
        byte[] bytes = new byte[150];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 197);
    }

    private static TwoFactorSetting totpEnrolment(AccountId accountId, Instant now) {
        return TwoFactorSetting.enrolment(accountId, TwoFactorMethod.TOTP, Optional.of(sealedSecret()), now);
    }

    private static TwoFactorSetting emailEnrolment(AccountId accountId, Instant now) {
        return TwoFactorSetting.enrolment(accountId, TwoFactorMethod.EMAIL, Optional.empty(), now);
    }

    private static TwoFactorSetting withLastUsedStep(TwoFactorSetting setting, long step) {
        return new TwoFactorSetting(setting.accountId(), setting.method(), setting.sealedTotpSecret(), step,
                setting.enabled(), setting.createdAt());
    }

    /** Ten hashes like the application's: SHA-256 in hex. */
    private static List<String> recoveryCodeHashes() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hashes.add(Examples.tokenHash());
        }
        return hashes;
    }

    /** Every field comes back: the 200-character secret whole, a step past 32 bits, the instant to the microsecond. */
    @Test
    void keepsATotpSettingWithEveryField() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        AccountId accountId = storedAccount();
        String secret = sealedSecret();
        assertThat(secret).hasSize(200);
        TwoFactorSetting setting = new TwoFactorSetting(accountId, TwoFactorMethod.TOTP, Optional.of(secret),
                LARGE_STEP, true, withNanos);

        twoFactor().save(setting);

        TwoFactorSetting found = twoFactor().findByAccount(accountId).orElseThrow();
        assertThat(found).isEqualTo(new TwoFactorSetting(accountId, TwoFactorMethod.TOTP, Optional.of(secret),
                LARGE_STEP, true, Instant.parse("2026-11-20T08:00:00.123456Z")));
        assertThat(found.sealedTotpSecret()).contains(secret);
        assertThat(found.lastUsedStep()).isEqualTo(3_000_000_000L);
        assertThat(found.enabled()).isTrue();
    }

    @Test
    void keepsAnEmailEnrolmentWithoutSecretAndWithoutAUsedStep() {
        AccountId accountId = storedAccount();
        TwoFactorSetting enrolment = emailEnrolment(accountId, Examples.NOW);

        twoFactor().save(enrolment);

        TwoFactorSetting found = twoFactor().findByAccount(accountId).orElseThrow();
        assertThat(found).isEqualTo(enrolment);
        assertThat(found.method()).isEqualTo(TwoFactorMethod.EMAIL);
        assertThat(found.sealedTotpSecret()).isEmpty();
        assertThat(found.lastUsedStep()).isEqualTo(-1);
        assertThat(found.enabled()).isFalse();
    }

    @Test
    void findsNothingForAnAccountWithoutASetting() {
        twoFactor().save(totpEnrolment(storedAccount(), Examples.NOW));

        assertThat(twoFactor().findByAccount(storedAccount())).isEmpty();
        assertThat(twoFactor().findByAccount(new AccountId(UUID.randomUUID()))).isEmpty();
    }

    /** A new enrolment of another method leaves nothing of the earlier one, its secret included. */
    @Test
    void savingReplacesTheSettingOfTheSameAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        twoFactor().save(withLastUsedStep(totpEnrolment(accountId, Examples.NOW), STEP_OF_2026).confirmed());
        TwoFactorSetting ofTheOtherAccount = totpEnrolment(otherAccountId, Examples.NOW);
        twoFactor().save(ofTheOtherAccount);
        TwoFactorSetting later = emailEnrolment(accountId, Examples.NOW.plusSeconds(60));

        twoFactor().save(later);

        assertThat(twoFactor().findByAccount(accountId)).contains(later);
        inTheTables(() -> assertThat(rows("two_factor", accountId)).isEqualTo(1));
        assertThat(twoFactor().findByAccount(otherAccountId)).contains(ofTheOtherAccount);

        TwoFactorSetting confirmed = later.confirmed();
        twoFactor().save(confirmed);
        assertThat(twoFactor().findByAccount(accountId)).contains(confirmed);
        inTheTables(() -> assertThat(rows("two_factor", accountId)).isEqualTo(1));
    }

    /** The recovery codes belong to the account: turning the setting on after they were issued keeps them. */
    @Test
    void savingTheSettingKeepsTheRecoveryCodes() {
        AccountId accountId = storedAccount();
        TwoFactorSetting enrolment = totpEnrolment(accountId, Examples.NOW);
        twoFactor().save(enrolment);
        List<String> hashes = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(accountId, hashes);

        twoFactor().save(enrolment.confirmed());

        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(10);
        assertThat(twoFactor().useRecoveryCode(accountId, hashes.getFirst())).isTrue();
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void savesInTheCallersTransaction() {
        AccountId accountId = storedAccount();
        TwoFactorSetting earlier = totpEnrolment(accountId, Examples.NOW);
        twoFactor().save(earlier);

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            twoFactor().save(emailEnrolment(accountId, Examples.NOW.plusSeconds(60)));
            twoFactor().save(earlier.confirmed());
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(twoFactor().findByAccount(accountId)).contains(earlier);
    }

    /**
     * Two enrolments of an account without a setting, started at once: the second waits for the first to commit,
     * then replaces its setting instead of failing on the primary key.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void twoSettingsSavedAtOnceForOneAccountBothSucceedAndTheLaterWins() throws Exception {
        AccountId accountId = storedAccount();
        TwoFactorSetting first = totpEnrolment(accountId, Examples.NOW);
        TwoFactorSetting second = emailEnrolment(accountId, Examples.NOW.plusSeconds(1));
        CountDownLatch firstSaved = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> firstSave = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            twoFactor().save(first);
            firstSaved.countDown();
            await(releaseFirst);
            return null;
        }), SEPARATE_THREADS);
        await(firstSaved);
        CompletableFuture<Void> secondSave = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            twoFactor().save(second);
            return null;
        }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseFirst.countDown();

        firstSave.get(10, TimeUnit.SECONDS);
        secondSave.get(10, TimeUnit.SECONDS);
        assertThat(twoFactor().findByAccount(accountId)).contains(second);
        assertThat(rows("two_factor", accountId)).isEqualTo(1);
    }

    /** Only forward, and nothing but the step changes. */
    @Test
    void advancesTheLastUsedStepOnlyToALaterStep() {
        AccountId accountId = storedAccount();
        TwoFactorSetting setting = totpEnrolment(accountId, Examples.NOW).confirmed();
        twoFactor().save(setting);

        assertThat(twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026)).isTrue();
        assertThat(twoFactor().findByAccount(accountId)).contains(withLastUsedStep(setting, STEP_OF_2026));

        assertThat(twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026)).as("the same step again").isFalse();
        assertThat(twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026 - 1)).as("an earlier step").isFalse();
        assertThat(twoFactor().findByAccount(accountId)).contains(withLastUsedStep(setting, STEP_OF_2026));

        assertThat(twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026 + 2)).isTrue();
        assertThat(twoFactor().findByAccount(accountId)).contains(withLastUsedStep(setting, STEP_OF_2026 + 2));
        assertThat(twoFactor().advanceLastUsedStep(accountId, LARGE_STEP)).isTrue();
        assertThat(twoFactor().findByAccount(accountId).orElseThrow().lastUsedStep()).isEqualTo(LARGE_STEP);
    }

    @Test
    void advancesTheStepOfOneAccountOnly() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        twoFactor().save(totpEnrolment(accountId, Examples.NOW));
        TwoFactorSetting ofTheOtherAccount = totpEnrolment(otherAccountId, Examples.NOW);
        twoFactor().save(ofTheOtherAccount);

        assertThat(twoFactor().advanceLastUsedStep(accountId, 0)).as("step 0 is later than none (-1)").isTrue();

        assertThat(twoFactor().findByAccount(accountId).orElseThrow().lastUsedStep()).isZero();
        assertThat(twoFactor().findByAccount(otherAccountId)).contains(ofTheOtherAccount);
    }

    @Test
    void advancingTheStepOfAnAccountWithoutASettingDoesNothing() {
        AccountId accountId = storedAccount();

        assertThat(twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026)).isFalse();
        assertThat(twoFactor().advanceLastUsedStep(new AccountId(UUID.randomUUID()), STEP_OF_2026)).isFalse();
        assertThat(twoFactor().findByAccount(accountId)).isEmpty();
    }

    /**
     * One authenticator code tried twice at once: the second waits for the first to commit, then finds the step used
     * and fails, so the code does not work twice.
     */
    @Test
    void ofTwoRequestsWithTheSameStepAtOnceOnlyTheFirstAdvances() throws Exception {
        AccountId accountId = storedAccount();
        twoFactor().save(totpEnrolment(accountId, Examples.NOW).confirmed());
        CountDownLatch firstAdvanced = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(() -> {
            boolean advanced = twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026);
            firstAdvanced.countDown();
            await(releaseFirst);
            return advanced;
        }), SEPARATE_THREADS);
        await(firstAdvanced);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> twoFactor().advanceLastUsedStep(accountId, STEP_OF_2026)), SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(twoFactor().findByAccount(accountId).orElseThrow().lastUsedStep()).isEqualTo(STEP_OF_2026);
    }

    @Test
    void aRecoveryCodeWorksOnceAndOnlyForItsAccount() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        List<String> hashes = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(accountId, hashes);
        twoFactor().replaceRecoveryCodes(otherAccountId, recoveryCodeHashes());
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(10);

        assertThat(twoFactor().useRecoveryCode(otherAccountId, hashes.get(3))).as("another account's code").isFalse();
        assertThat(twoFactor().useRecoveryCode(accountId, Examples.tokenHash())).as("an unknown code").isFalse();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(10);

        assertThat(twoFactor().useRecoveryCode(accountId, hashes.get(3))).isTrue();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(9);
        assertThat(twoFactor().useRecoveryCode(accountId, hashes.get(3))).as("the same code again").isFalse();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(9);
        assertThat(twoFactor().useRecoveryCode(accountId, hashes.get(4))).isTrue();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(8);
        assertThat(twoFactor().countRecoveryCodes(otherAccountId)).isEqualTo(10);
    }

    /** One recovery code tried twice at once: the second waits for the first to commit, then finds it used. */
    @Test
    void ofTwoRequestsWithTheSameRecoveryCodeAtOnceOnlyTheFirstUsesIt() throws Exception {
        AccountId accountId = storedAccount();
        List<String> hashes = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(accountId, hashes);
        CountDownLatch firstUsed = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(() -> {
            boolean used = twoFactor().useRecoveryCode(accountId, hashes.getFirst());
            firstUsed.countDown();
            await(releaseFirst);
            return used;
        }), SEPARATE_THREADS);
        await(firstUsed);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> twoFactor().useRecoveryCode(accountId, hashes.getFirst())), SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(9);
    }

    @Test
    void replacingTheRecoveryCodesVoidsTheEarlierOnesOfThatAccountOnly() {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        List<String> earlier = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(accountId, earlier);
        List<String> ofTheOtherAccount = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(otherAccountId, ofTheOtherAccount);
        assertThat(twoFactor().useRecoveryCode(accountId, earlier.getFirst())).isTrue();
        List<String> later = recoveryCodeHashes().subList(0, 8);

        twoFactor().replaceRecoveryCodes(accountId, later);

        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(8);
        assertThat(twoFactor().useRecoveryCode(accountId, earlier.get(1))).isFalse();
        assertThat(twoFactor().useRecoveryCode(accountId, later.getLast())).isTrue();
        assertThat(twoFactor().countRecoveryCodes(otherAccountId)).isEqualTo(10);
        assertThat(twoFactor().useRecoveryCode(otherAccountId, ofTheOtherAccount.getFirst())).isTrue();
    }

    /** The same hash twice is one code; no codes at all leaves none. */
    @Test
    void replacingKeepsEachHashOnceAndMayLeaveNone() {
        AccountId accountId = storedAccount();
        String twice = Examples.tokenHash();

        twoFactor().replaceRecoveryCodes(accountId, List.of(twice, Examples.tokenHash(), twice));

        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(2);
        assertThat(twoFactor().useRecoveryCode(accountId, twice)).isTrue();
        assertThat(twoFactor().useRecoveryCode(accountId, twice)).isFalse();

        twoFactor().replaceRecoveryCodes(accountId, List.of());
        assertThat(twoFactor().countRecoveryCodes(accountId)).isZero();
    }

    /** The delete and the inserts are one: a transaction that fails after them keeps the earlier codes. */
    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void replacesTheRecoveryCodesInTheCallersTransaction() {
        AccountId accountId = storedAccount();
        List<String> earlier = recoveryCodeHashes();
        twoFactor().replaceRecoveryCodes(accountId, earlier);

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            twoFactor().replaceRecoveryCodes(accountId, recoveryCodeHashes().subList(0, 3));
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(twoFactor().countRecoveryCodes(accountId)).isEqualTo(10);
        assertThat(twoFactor().useRecoveryCode(accountId, earlier.getLast())).isTrue();
    }

    @Test
    void countsNoRecoveryCodesOfAnAccountThatHasNone() {
        assertThat(twoFactor().countRecoveryCodes(storedAccount())).isZero();
        assertThat(twoFactor().countRecoveryCodes(new AccountId(UUID.randomUUID()))).isZero();
    }

    @Test
    void deletesTheSettingAndTheRecoveryCodesOfOneAccountOnly() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        twoFactor().save(totpEnrolment(accountId, Examples.NOW).confirmed());
        twoFactor().replaceRecoveryCodes(accountId, recoveryCodeHashes());
        TwoFactorSetting ofTheOtherAccount = emailEnrolment(otherAccountId, Examples.NOW).confirmed();
        twoFactor().save(ofTheOtherAccount);
        twoFactor().replaceRecoveryCodes(otherAccountId, recoveryCodeHashes());

        twoFactor().delete(accountId);

        assertThat(twoFactor().findByAccount(accountId)).isEmpty();
        assertThat(twoFactor().countRecoveryCodes(accountId)).isZero();
        inTheTables(() -> assertThat(rows("two_factor", accountId)).isZero());
        inTheTables(() -> assertThat(rows("recovery_code", accountId)).isZero());
        assertThat(twoFactor().findByAccount(otherAccountId)).contains(ofTheOtherAccount);
        assertThat(twoFactor().countRecoveryCodes(otherAccountId)).isEqualTo(10);

        twoFactor().delete(accountId);
        twoFactor().delete(new AccountId(UUID.randomUUID()));
        assertThat(twoFactor().findByAccount(otherAccountId)).contains(ofTheOtherAccount);
    }

    @Test
    void deletingRemovesRecoveryCodesEvenWithoutASetting() {
        AccountId accountId = storedAccount();
        twoFactor().replaceRecoveryCodes(accountId, recoveryCodeHashes());

        twoFactor().delete(accountId);

        assertThat(twoFactor().countRecoveryCodes(accountId)).isZero();
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsSettingAndRecoveryCodes() throws SQLException {
        AccountId accountId = storedAccount();
        AccountId otherAccountId = storedAccount();
        twoFactor().save(totpEnrolment(accountId, Examples.NOW).confirmed());
        twoFactor().replaceRecoveryCodes(accountId, recoveryCodeHashes());
        TwoFactorSetting ofTheOtherAccount = totpEnrolment(otherAccountId, Examples.NOW).confirmed();
        twoFactor().save(ofTheOtherAccount);
        twoFactor().replaceRecoveryCodes(otherAccountId, recoveryCodeHashes());
        assertThat(rows("two_factor", accountId)).isEqualTo(1);
        assertThat(rows("recovery_code", accountId)).isEqualTo(10);

        assertThat(ports.accounts().delete(accountId)).isTrue();

        assertThat(rows("two_factor", accountId)).isZero();
        assertThat(rows("recovery_code", accountId)).isZero();
        assertThat(twoFactor().findByAccount(otherAccountId)).contains(ofTheOtherAccount);
        assertThat(twoFactor().countRecoveryCodes(otherAccountId)).isEqualTo(10);
    }

    /** What the domain rules out, the schema refuses too: an unknown method, and a secret of the wrong method. */
    @DatabaseOnly("reads its tables")
    @Test
    void theSchemaRefusesAnUnknownMethodAndASecretOfTheWrongMethod() throws SQLException {
        AccountId accountId = storedAccount();
        String insert = "INSERT INTO two_factor (account_id, method, sealed_totp_secret, last_used_step, enabled,"
                + " created_at) VALUES (?, ?, ?, -1, FALSE, ?)";
        try (Connection connection = testDatabase().dataSource().getConnection()) {
            for (String[] methodAndSecret : new String[][] {{"SMS", null}, {"TOTP", null}, {"EMAIL", "sealed"}}) {
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setObject(1, accountId.value());
                    statement.setString(2, methodAndSecret[0]);
                    statement.setString(3, methodAndSecret[1]);
                    statement.setObject(4, OffsetDateTime.ofInstant(Examples.NOW, ZoneOffset.UTC));
                    assertThatThrownBy(statement::executeUpdate).as(methodAndSecret[0] + " with secret " + methodAndSecret[1])
                            .isInstanceOf(SQLException.class);
                }
            }
        }
        assertThat(rows("two_factor", accountId)).isZero();
    }

    /** How many rows of {@code table} belong to the account, counted past the port. */
    private int rows(String table, AccountId accountId) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + table + " WHERE account_id = ?")) {
            count.setObject(1, accountId.value());
            try (ResultSet result = count.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getInt(1);
            }
        }
    }
}
