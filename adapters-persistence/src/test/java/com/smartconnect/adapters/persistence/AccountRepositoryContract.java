package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.session.PasswordReset;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

abstract class AccountRepositoryContract extends PortContract {

    private Company storedCompany() {
        Company company = Examples.company();
        ports.companies().add(company);
        return company;
    }

    @Test
    void keepsAnAccountAndFindsItByIdAndByAddress() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());

        assertThat(ports.accounts().add(account)).isTrue();

        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.accounts().findByEmail(account.email())).contains(account);
        assertThat(ports.accounts().existsWithEmail(account.email())).isTrue();
    }

    @Test
    void findsNothingForAnUnknownIdOrAddress() {
        EmailAddress unknown = Examples.uniqueEmail();

        assertThat(ports.accounts().findById(new AccountId(UUID.randomUUID()))).isEmpty();
        assertThat(ports.accounts().findByEmail(unknown)).isEmpty();
        assertThat(ports.accounts().existsWithEmail(unknown)).isFalse();
    }

    @Test
    void refusesASecondAccountForTheSameAddressAndStoresNothing() {
        Company company = storedCompany();
        EmailAddress email = Examples.uniqueEmail();
        Account first = Examples.account(company.id(), email);
        Account second = Examples.account(company.id(), email);
        ports.accounts().add(first);

        assertThat(ports.accounts().add(second)).isFalse();

        assertThat(ports.accounts().findById(second.id())).isEmpty();
        assertThat(ports.accounts().findByEmail(email)).contains(first);
    }

    /** On PostgreSQL a failed statement would abort the transaction; the refusal must leave it usable. */
    @Test
    void leavesTheTransactionUsableAfterRefusingAnAddress() {
        Company company = storedCompany();
        EmailAddress email = Examples.uniqueEmail();
        ports.accounts().add(Examples.account(company.id(), email));
        Company laterCompany = Examples.company();
        Account other = Examples.account(company.id(), Examples.uniqueEmail());

        boolean added = ports.transactions().inTransaction(() -> {
            boolean duplicate = ports.accounts().add(Examples.account(company.id(), email));
            ports.companies().add(laterCompany);
            ports.accounts().add(other);
            return duplicate;
        });

        assertThat(added).isFalse();
        assertThat(ports.companies().findById(laterCompany.id())).contains(laterCompany);
        assertThat(ports.accounts().findById(other.id())).contains(other);
    }

    @Test
    void changesTheAddressOfOneAccountOnly() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);
        EmailAddress newEmail = Examples.uniqueEmail();

        assertThat(ports.accounts().updateEmail(account.id(), newEmail)).isTrue();

        Account renamed = withEmail(account, newEmail);
        assertThat(ports.accounts().findByEmail(newEmail)).contains(renamed);
        assertThat(ports.accounts().findById(account.id())).contains(renamed);
        assertThat(ports.accounts().findByEmail(account.email())).isEmpty();
        assertThat(ports.accounts().existsWithEmail(account.email())).isFalse();
        assertThat(ports.accounts().findById(other.id())).contains(other);
    }

    /** The old address is free again: a new account may take it. */
    @Test
    void freesTheOldAddressOfAnAccountWhoseAddressChanged() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().updateEmail(account.id(), Examples.uniqueEmail());
        Account newcomer = Examples.account(company.id(), account.email());

        assertThat(ports.accounts().add(newcomer)).isTrue();

        assertThat(ports.accounts().findByEmail(account.email())).contains(newcomer);
    }

    @Test
    void refusesTheAddressOfAnotherAccountAndChangesNothing() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);

        assertThat(ports.accounts().updateEmail(account.id(), other.email())).isFalse();

        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.accounts().findByEmail(account.email())).contains(account);
        assertThat(ports.accounts().findByEmail(other.email())).contains(other);
    }

    /** On PostgreSQL a failed statement would abort the transaction; the refusal must leave it usable. */
    @Test
    void leavesTheTransactionUsableAfterRefusingAnAddressChange() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);
        Company laterCompany = Examples.company();
        Account later = Examples.account(company.id(), Examples.uniqueEmail());

        boolean changed = ports.transactions().inTransaction(() -> {
            boolean refused = ports.accounts().updateEmail(account.id(), other.email());
            assertThat(ports.accounts().findByEmail(other.email())).contains(other);
            ports.companies().add(laterCompany);
            ports.accounts().add(later);
            return refused;
        });

        assertThat(changed).isFalse();
        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.companies().findById(laterCompany.id())).contains(laterCompany);
        assertThat(ports.accounts().findById(later.id())).contains(later);
    }

    @Test
    void refusesToChangeTheAddressOfAnUnknownAccount() {
        AccountId unknown = new AccountId(UUID.randomUUID());
        EmailAddress email = Examples.uniqueEmail();

        assertThatThrownBy(() -> ports.accounts().updateEmail(unknown, email))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ports.accounts().existsWithEmail(email)).isFalse();
        assertThat(ports.accounts().findById(unknown)).isEmpty();
    }

    /**
     * An account that a concurrent transaction creates with the address, and commits only after the change was
     * tried, is past the check: the unique constraint decides. The change must then neither happen nor leave the
     * transaction half-dead behind a {@code false}: on H2 it answers false and the rest of the transaction commits;
     * on PostgreSQL, where the violation has aborted the transaction, it throws and the transaction rolls back.
     */
    @DatabaseOnly("reads its tables")
    @Test
    void neverTakesAnAddressThatAConcurrentSignUpTakes() throws Exception {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        EmailAddress contested = Examples.uniqueEmail();
        Account newcomer = Examples.account(company.id(), contested);
        Company laterCompany = Examples.company();
        CountDownLatch newcomerInserted = new CountDownLatch(1);
        CountDownLatch releaseNewcomer = new CountDownLatch(1);

        CompletableFuture<Boolean> signUp = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean added = ports.accounts().add(newcomer);
                    newcomerInserted.countDown();
                    await(releaseNewcomer);
                    return added;
                }), SEPARATE_THREADS);
        assertThat(newcomerInserted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean changed = ports.accounts().updateEmail(account.id(), contested);
                    ports.companies().add(laterCompany);
                    return changed;
                }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseNewcomer.countDown();

        assertThat(signUp.get(10, TimeUnit.SECONDS)).isTrue();
        if (testDatabase().kind().equals("H2")) {
            assertThat(change.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(ports.companies().findById(laterCompany.id())).contains(laterCompany);
        } else {
            assertThatThrownBy(() -> change.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(DataAccessException.class);
            assertThat(ports.companies().findById(laterCompany.id())).isEmpty();
        }
        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.accounts().findByEmail(contested)).contains(newcomer);
    }

    @Test
    void replacesThePasswordHashOfOneAccountOnly() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);

        ports.accounts().updatePasswordHash(account.id(), "$argon2id$v=19$new-hash");

        assertThat(ports.accounts().findById(account.id())).contains(new Account(account.id(), account.email(),
                account.name(), account.country(), "$argon2id$v=19$new-hash", account.companyId(),
                account.marketingOptIn(), account.privacyAcceptedAt(), account.createdAt()));
        assertThat(ports.accounts().findById(other.id())).contains(other);
    }

    @Test
    void refusesToReplaceThePasswordHashOfAnUnknownAccount() {
        AccountId unknown = new AccountId(UUID.randomUUID());

        assertThatThrownBy(() -> ports.accounts().updatePasswordHash(unknown, "$argon2id$v=19$new-hash"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ports.accounts().findById(unknown)).isEmpty();
    }

    @Test
    void aNewAccountSpeaksEnglishAndHasNeitherPhoneNorJobRole() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());
        ports.accounts().add(account);

        ContactDetails contact = ports.accounts().contactDetailsOf(account.id());

        assertThat(contact).isEqualTo(ContactDetails.NONE);
        assertThat(contact.language()).isEqualTo(Language.ENGLISH);
        assertThat(contact.phone()).isEmpty();
        assertThat(contact.jobRole()).isEmpty();
    }

    @Test
    void updatesTheProfileOfOneAccountOnlyAndClearsItsPhoneAndJobRoleAgain() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);
        PersonName name = new PersonName("Augusta", "King");
        Country country = new Country("FR");
        ContactDetails contact = Examples.contactDetails();

        ports.accounts().updateProfile(account.id(), name, country, contact);

        assertThat(ports.accounts().findById(account.id())).contains(new Account(account.id(), account.email(),
                name, country, account.passwordHash(), account.companyId(), account.marketingOptIn(),
                account.privacyAcceptedAt(), account.createdAt()));
        assertThat(ports.accounts().contactDetailsOf(account.id())).isEqualTo(contact);
        assertThat(ports.accounts().findById(other.id())).contains(other);
        assertThat(ports.accounts().contactDetailsOf(other.id())).isEqualTo(ContactDetails.NONE);

        ContactDetails cleared = new ContactDetails(new Language("de"), Optional.empty(), Optional.empty());
        ports.accounts().updateProfile(account.id(), account.name(), account.country(), cleared);

        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.accounts().contactDetailsOf(account.id())).isEqualTo(cleared);
        assertThat(ports.accounts().findById(other.id())).contains(other);
        assertThat(ports.accounts().contactDetailsOf(other.id())).isEqualTo(ContactDetails.NONE);
    }

    @Test
    void refusesToReadOrUpdateTheProfileOfAnUnknownAccount() {
        AccountId unknown = new AccountId(UUID.randomUUID());

        assertThatThrownBy(() -> ports.accounts().contactDetailsOf(unknown))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ports.accounts().updateProfile(unknown, new PersonName("Ada", "Lovelace"),
                new Country("GB"), Examples.contactDetails()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ports.accounts().findById(unknown)).isEmpty();
    }

    @Test
    void countsTheAccountsOfOneCompany() {
        Company company = storedCompany();
        Company other = storedCompany();
        ports.accounts().add(Examples.account(other.id(), Examples.uniqueEmail()));

        assertThat(ports.accounts().countInCompany(company.id())).isZero();
        ports.accounts().add(Examples.account(company.id(), Examples.uniqueEmail()));
        assertThat(ports.accounts().countInCompany(company.id())).isEqualTo(1);
        ports.accounts().add(Examples.account(company.id(), Examples.uniqueEmail()));
        assertThat(ports.accounts().countInCompany(company.id())).isEqualTo(2);
        assertThat(ports.accounts().countInCompany(other.id())).isEqualTo(1);
        assertThat(ports.accounts().countInCompany(new CompanyId(UUID.randomUUID()))).isZero();
    }

    @Test
    void deletesAnAccountWithItsSessionsAndResetLinksButNoOtherAccount() throws SQLException {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(account);
        ports.accounts().add(other);
        for (Account each : new Account[] {account, other}) {
            ports.sessions().add(new Session(new SessionId(UUID.randomUUID()), tokenHash(), each.id(), Examples.NOW,
                    Examples.NOW, Examples.NOW.plus(12, ChronoUnit.HOURS), false));
            ports.passwordResets().add(PasswordReset.issue(UUID.randomUUID(), tokenHash(), each.id(), Examples.NOW));
        }
        inTheTables(() -> assertThat(rowsOf("session", account.id())).isEqualTo(1));
        inTheTables(() -> assertThat(rowsOf("password_reset", account.id())).isEqualTo(1));

        ports.accounts().delete(account.id());

        assertThat(ports.accounts().findById(account.id())).isEmpty();
        assertThat(ports.accounts().existsWithEmail(account.email())).isFalse();
        inTheTables(() -> assertThat(rowsOf("session", account.id())).isZero());
        inTheTables(() -> assertThat(rowsOf("password_reset", account.id())).isZero());
        assertThat(ports.accounts().findById(other.id())).contains(other);
        inTheTables(() -> assertThat(rowsOf("session", other.id())).isEqualTo(1));
        inTheTables(() -> assertThat(rowsOf("password_reset", other.id())).isEqualTo(1));
        assertThat(ports.accounts().countInCompany(company.id())).isEqualTo(1);
    }

    @Test
    void deletingAnUnknownAccountChangesNothing() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());
        ports.accounts().add(account);

        assertThat(ports.accounts().delete(new AccountId(UUID.randomUUID()))).isFalse();

        assertThat(ports.accounts().findById(account.id())).contains(account);
        assertThat(ports.accounts().delete(account.id())).isTrue();
        assertThat(ports.accounts().delete(account.id())).as("only once").isFalse();
    }

    private static Account withEmail(Account a, EmailAddress email) {
        return new Account(a.id(), email, a.name(), a.country(), a.passwordHash(), a.companyId(), a.marketingOptIn(),
                a.privacyAcceptedAt(), a.createdAt());
    }

    /** How many rows of {@code table} refer to the account, counted past the ports. */
    private int rowsOf(String table, AccountId accountId) throws SQLException {
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

    /** Like a SHA-256 in hex: 64 characters. */
    private static String tokenHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
