package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.registration.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class TransactionsContract extends DatabaseContract {

    /** Far enough ahead that every mail enqueued by these tests is due. */
    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    /** H2's store writes out one commit at a time (the device endpoint then runs one committer); PostgreSQL does not. */
    @Test
    void tellsWhetherItWritesOneCommitAtATime() {
        assertThat(database.writesOneCommitAtATime()).isEqualTo(testDatabase.kind().equals("H2"));
    }

    @Test
    void commitsEverythingTheWorkDidAndReturnsItsResult() {
        Registration registration = Examples.existingAccountRegistration();
        Company company = Examples.company();

        String result = database.transactions().inTransaction(() -> {
            database.registrations().add(registration);
            database.companies().add(company);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(database.registrations().findById(registration.id())).contains(registration);
        assertThat(database.companies().findById(company.id())).contains(company);
    }

    @Test
    void storesNothingWhenTheWorkThrows() {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetails());
        Company company = Examples.company();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        OutgoingMail mail = Examples.signUpCodeMail();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.registrations().add(registration);
            database.companies().add(company);
            database.accounts().add(account);
            database.mailOutbox().enqueue(mail);
            throw failure;
        })).isSameAs(failure);

        assertThat(database.registrations().findById(registration.id())).isEmpty();
        assertThat(database.companies().findById(company.id())).isEmpty();
        assertThat(database.accounts().findById(account.id())).isEmpty();
        assertThat(database.mailDeliveryQueue().claimDue(LATER, 100, Duration.ofMinutes(1)))
                .noneMatch(pending -> pending.mail().id().equals(mail.id()));
    }

    /** Every connection of the pool goes back auto-committing, whether its transaction committed or failed. */
    @Test
    void statementsOutsideATransactionCommitAfterTransactionsFailedAndSucceeded() throws Exception {
        for (int i = 0; i < 30; i++) {
            boolean fail = i % 2 == 0;
            try {
                database.transactions().inTransaction(() -> {
                    database.companies().add(Examples.company());
                    if (fail) {
                        throw new IllegalStateException("failed on purpose");
                    }
                    return null;
                });
            } catch (IllegalStateException expected) {
                assertThat(fail).isTrue();
            }
        }
        Company outside = Examples.company();

        database.companies().add(outside);

        assertThat(CompletableFuture.supplyAsync(() -> database.companies().findById(outside.id()), SEPARATE_THREADS)
                .get(10, TimeUnit.SECONDS)).contains(outside);
    }

    /**
     * An embedding application may hand over a data source whose pool does not restore auto-commit (here: one
     * connection, never closed): after a transaction, a statement outside one still commits at once.
     */
    @Test
    void aConnectionComesBackAutoCommittingFromAPoolThatDoesNotRestoreIt() throws Exception {
        try (java.sql.Connection only = java.sql.DriverManager.getConnection(testDatabase.jdbcUrl())) {
            java.sql.Connection unclosable = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                    (proxy, method, arguments) -> method.getName().equals("close") ? null
                            : invoke(method, only, arguments));
            Database onOneConnection = Database.migrate(new SingleConnection(unclosable));
            Company inside = Examples.company();
            Company outside = Examples.company();

            onOneConnection.transactions().inTransaction(() -> {
                onOneConnection.companies().add(inside);
                return null;
            });
            onOneConnection.companies().add(outside);

            assertThat(only.getAutoCommit()).isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> database.companies().findById(outside.id()), SEPARATE_THREADS)
                    .get(10, TimeUnit.SECONDS)).contains(outside);
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A data source of one connection, handed out again and again. */
    private record SingleConnection(java.sql.Connection connection) implements javax.sql.DataSource {
        @Override
        public java.sql.Connection getConnection() {
            return connection;
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) {
            return connection;
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void aNestedTransactionIsPartOfTheOuterOne() {
        Registration inner = Examples.existingAccountRegistration();
        Registration outer = Examples.existingAccountRegistration();

        assertThatThrownBy(() -> database.transactions().inTransaction(() -> {
            database.transactions().inTransaction(() -> {
                database.registrations().add(inner);
                return null;
            });
            database.registrations().add(outer);
            throw new IllegalStateException("the outer work failed");
        })).hasMessage("the outer work failed");

        assertThat(database.registrations().findById(inner.id())).isEmpty();
        assertThat(database.registrations().findById(outer.id())).isEmpty();
    }

    @Test
    void othersDoNotSeeTheWorkBeforeItCommits() throws Exception {
        Registration registration = Examples.existingAccountRegistration();
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> database.transactions().inTransaction(() -> {
            database.registrations().add(registration);
            added.countDown();
            await(commit);
            return null;
        }), SEPARATE_THREADS);
        assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(database.registrations().findById(registration.id())).isEmpty();
        commit.countDown();
        work.get(10, TimeUnit.SECONDS);
        assertThat(database.registrations().findById(registration.id())).contains(registration);
    }

}
