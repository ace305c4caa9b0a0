package com.smartconnect.adapters.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A contract that every implementation of some outbound ports must meet: each database the portal supports, and the
 * application's in-memory fakes (which its tests run against, so they must not drift from the database). Each
 * subclass runs it against a fresh set of {@link Ports} of one kind; the tests marked {@link DatabaseOnly} run on the
 * databases alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortContract {

    /**
     * For the work that must run beside the test's own, at the same time: the common pool may have a single
     * thread on a small machine, which would run such work one after the other.
     */
    static final Executor SEPARATE_THREADS = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());

    Ports ports;

    /** Fresh ports to run against; empty when that kind of database is not configured here. */
    abstract Optional<Ports> freshPorts();

    @BeforeAll
    final void openFreshPorts() {
        freshPorts().ifPresent(fresh -> ports = fresh);
    }

    /** Here rather than before all, so that each test is reported as skipped, not the class as empty. */
    @BeforeEach
    final void skipWithoutDatabase() {
        assumeTrue(ports != null, () -> "no database for " + getClass().getSimpleName()
                + ": set -D" + TestDatabases.POSTGRES_URL_PROPERTY + "=jdbc:postgresql://... to run it");
    }

    @AfterAll
    final void throwPortsAway() {
        if (ports != null) {
            ports.close();
        }
    }

    /** The database under the ports, for a {@link DatabaseOnly} test that looks into its tables. */
    TestDatabase testDatabase() {
        if (!(ports instanceof DatabasePorts database)) {
            throw new IllegalStateException("a test that reads the tables is @DatabaseOnly; " + ports.kind()
                    + " keeps none");
        }
        return database.testDatabase();
    }

    /**
     * Empties the tables named, in this order, for a test that must not see the rows of the tests before it; the
     * fakes start afresh instead.
     */
    void removeEveryRowOf(String... tables) throws SQLException {
        if (ports.inMemory()) {
            ports.close();
            ports = freshPorts().orElseThrow();
            return;
        }
        try (Connection connection = testDatabase().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** A check of the tables under a port, which may read them with JDBC. */
    @FunctionalInterface
    interface TableCheck {
        void run() throws SQLException;
    }

    /**
     * Checks what the database keeps past the port (its rows): on the databases only, since the fakes keep no tables.
     * The rest of the test, what the port answers, runs on the fakes too.
     */
    void inTheTables(TableCheck check) {
        if (ports.inMemory()) {
            return;
        }
        try {
            check.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tables of " + ports.kind(), e);
        }
    }

    /** An account (in a company of its own) stored for a test, for the many tables that refer to accounts. */
    AccountId storedAccount() {
        Company company = Examples.company();
        ports.companies().add(company);
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
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
