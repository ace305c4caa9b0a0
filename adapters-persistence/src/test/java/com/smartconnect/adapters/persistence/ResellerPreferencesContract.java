package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import com.smartconnect.domain.account.AccountId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class ResellerPreferencesContract extends PortContract {

    private ResellerPreferences preferences() {
        return ports.resellerPreferences();
    }

    @Test
    void aCustomerIsInterestedUntilTheySayOtherwise() {
        AccountId customer = storedAccount();

        assertThat(preferences().notInterested(customer)).isFalse();
        assertThat(preferences().notInterested(new AccountId(UUID.randomUUID()))).isFalse();
        inTheTables(() -> assertThat(rowsOf(customer)).isZero());
    }

    @Test
    void togglesTheSettingOfOneCustomerOnly() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();

        preferences().setNotInterested(customer, true);
        assertThat(preferences().notInterested(customer)).isTrue();
        assertThat(preferences().notInterested(other)).isFalse();

        preferences().setNotInterested(customer, true);
        assertThat(preferences().notInterested(customer)).as("set twice").isTrue();

        preferences().setNotInterested(customer, false);
        assertThat(preferences().notInterested(customer)).isFalse();

        preferences().setNotInterested(customer, true);
        assertThat(preferences().notInterested(customer)).isTrue();
        inTheTables(() -> assertThat(rowsOf(customer)).isEqualTo(1));
        assertThat(preferences().notInterested(other)).isFalse();
    }

    @Test
    void aCustomerWhoNeverChoseMaySayTheyAreInterested() {
        AccountId customer = storedAccount();

        preferences().setNotInterested(customer, false);

        assertThat(preferences().notInterested(customer)).isFalse();
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void setsInTheCallersTransaction() {
        AccountId customer = storedAccount();
        preferences().setNotInterested(customer, true);

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            preferences().setNotInterested(customer, false);
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(preferences().notInterested(customer)).isTrue();
    }

    /**
     * Two clicks of a customer without a row, at once: the second waits for the first to commit, then changes its row
     * instead of failing on the primary key.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void twoSettingsAtOnceForOneCustomerBothSucceedAndTheLaterWins() throws Exception {
        AccountId customer = storedAccount();
        CountDownLatch firstSet = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            preferences().setNotInterested(customer, true);
            firstSet.countDown();
            await(releaseFirst);
            return null;
        }), SEPARATE_THREADS);
        await(firstSet);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            preferences().setNotInterested(customer, false);
            return null;
        }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(preferences().notInterested(customer)).isFalse();
        assertThat(rowsOf(customer)).isEqualTo(1);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsSetting() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        preferences().setNotInterested(customer, true);
        preferences().setNotInterested(other, true);

        assertThat(ports.accounts().delete(customer)).isTrue();

        assertThat(rowsOf(customer)).isZero();
        assertThat(preferences().notInterested(other)).isTrue();
    }

    /** How many rows of {@code reseller_preference} belong to the customer, counted past the port. */
    private int rowsOf(AccountId customer) {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM reseller_preference WHERE account_id = ?")) {
            count.setObject(1, customer.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
