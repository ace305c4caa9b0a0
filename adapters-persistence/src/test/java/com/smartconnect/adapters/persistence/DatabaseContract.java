package com.smartconnect.adapters.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A contract that every database the portal supports must meet: each subclass runs it against a fresh database
 * of one kind, migrated as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    /**
     * For the work that must run beside the test's own, at the same time: the common pool may have a single
     * thread on a small machine, which would run such work one after the other.
     */
    static final Executor SEPARATE_THREADS = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());

    TestDatabase testDatabase;
    Database database;

    /** A fresh database to run against; empty when that kind of database is not configured here. */
    abstract Optional<TestDatabase> freshDatabase();

    @BeforeAll
    final void migrateFreshDatabase() {
        freshDatabase().ifPresent(fresh -> {
            testDatabase = fresh;
            database = Database.migrate(fresh.dataSource());
        });
    }

    /** Here rather than before all, so that each test is reported as skipped, not the class as empty. */
    @BeforeEach
    final void skipWithoutDatabase() {
        assumeTrue(database != null, () -> "no database for " + getClass().getSimpleName()
                + ": set -D" + TestDatabases.POSTGRES_URL_PROPERTY + "=jdbc:postgresql://... to run it");
    }

    @AfterAll
    final void throwDatabaseAway() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    /** An account (in a company of its own) stored for a test, for the many tables that refer to accounts. */
    AccountId storedAccount() {
        Company company = Examples.company();
        database.companies().add(company);
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        database.accounts().add(account);
        return account.id();
    }

    /** Waits for a latch that other threads of a test count down; a test that would hang fails instead. */
    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
