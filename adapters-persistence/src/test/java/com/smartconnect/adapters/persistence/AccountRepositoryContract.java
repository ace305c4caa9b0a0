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
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

abstract class AccountRepositoryContract extends DatabaseContract {

    private Company storedCompany() {
        Company company = Examples.company();
        database.companies().add(company);
        return company;
    }

    @Test
    void keepsAnAccountAndFindsItByIdAndByAddress() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());

        assertThat(database.accounts().add(account)).isTrue();

        assertThat(database.accounts().findById(account.id())).contains(account);
        assertThat(database.accounts().findByEmail(account.email())).contains(account);
        assertThat(database.accounts().existsWithEmail(account.email())).isTrue();
    }

    @Test
    void findsNothingForAnUnknownIdOrAddress() {
        EmailAddress unknown = Examples.uniqueEmail();

        assertThat(database.accounts().findById(new AccountId(UUID.randomUUID()))).isEmpty();
        assertThat(database.accounts().findByEmail(unknown)).isEmpty();
        assertThat(database.accounts().existsWithEmail(unknown)).isFalse();
    }

    @Test
    void refusesASecondAccountForTheSameAddressAndStoresNothing() {
        Company company = storedCompany();
        EmailAddress email = Examples.uniqueEmail();
        Account first = Examples.account(company.id(), email);
        Account second = Examples.account(company.id(), email);
        database.accounts().add(first);

        assertThat(database.accounts().add(second)).isFalse();

        assertThat(database.accounts().findById(second.id())).isEmpty();
        assertThat(database.accounts().findByEmail(email)).contains(first);
    }

    /** On PostgreSQL a failed statement would abort the transaction; the refusal must leave it usable. */
    @Test
    void leavesTheTransactionUsableAfterRefusingAnAddress() {
        Company company = storedCompany();
        EmailAddress email = Examples.uniqueEmail();
        database.accounts().add(Examples.account(company.id(), email));
        Company laterCompany = Examples.company();
        Account other = Examples.account(company.id(), Examples.uniqueEmail());

        boolean added = database.transactions().inTransaction(() -> {
            boolean duplicate = database.accounts().add(Examples.account(company.id(), email));
            database.companies().add(laterCompany);
            database.accounts().add(other);
            return duplicate;
        });

        assertThat(added).isFalse();
        assertThat(database.companies().findById(laterCompany.id())).contains(laterCompany);
        assertThat(database.accounts().findById(other.id())).contains(other);
    }

    @Test
    void replacesThePasswordHashOfOneAccountOnly() {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        database.accounts().add(account);
        database.accounts().add(other);

        database.accounts().updatePasswordHash(account.id(), "$argon2id$v=19$new-hash");

        assertThat(database.accounts().findById(account.id())).contains(new Account(account.id(), account.email(),
                account.name(), account.country(), "$argon2id$v=19$new-hash", account.companyId(),
                account.marketingOptIn(), account.privacyAcceptedAt(), account.createdAt()));
        assertThat(database.accounts().findById(other.id())).contains(other);
    }

    @Test
    void refusesToReplaceThePasswordHashOfAnUnknownAccount() {
        AccountId unknown = new AccountId(UUID.randomUUID());

        assertThatThrownBy(() -> database.accounts().updatePasswordHash(unknown, "$argon2id$v=19$new-hash"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(database.accounts().findById(unknown)).isEmpty();
    }

    @Test
    void aNewAccountSpeaksEnglishAndHasNeitherPhoneNorJobRole() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());
        database.accounts().add(account);

        ContactDetails contact = database.accounts().contactDetailsOf(account.id());

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
        database.accounts().add(account);
        database.accounts().add(other);
        PersonName name = new PersonName("Augusta", "King");
        Country country = new Country("FR");
        ContactDetails contact = Examples.contactDetails();

        database.accounts().updateProfile(account.id(), name, country, contact);

        assertThat(database.accounts().findById(account.id())).contains(new Account(account.id(), account.email(),
                name, country, account.passwordHash(), account.companyId(), account.marketingOptIn(),
                account.privacyAcceptedAt(), account.createdAt()));
        assertThat(database.accounts().contactDetailsOf(account.id())).isEqualTo(contact);
        assertThat(database.accounts().findById(other.id())).contains(other);
        assertThat(database.accounts().contactDetailsOf(other.id())).isEqualTo(ContactDetails.NONE);

        ContactDetails cleared = new ContactDetails(new Language("de"), Optional.empty(), Optional.empty());
        database.accounts().updateProfile(account.id(), account.name(), account.country(), cleared);

        assertThat(database.accounts().findById(account.id())).contains(account);
        assertThat(database.accounts().contactDetailsOf(account.id())).isEqualTo(cleared);
        assertThat(database.accounts().findById(other.id())).contains(other);
        assertThat(database.accounts().contactDetailsOf(other.id())).isEqualTo(ContactDetails.NONE);
    }

    @Test
    void refusesToReadOrUpdateTheProfileOfAnUnknownAccount() {
        AccountId unknown = new AccountId(UUID.randomUUID());

        assertThatThrownBy(() -> database.accounts().contactDetailsOf(unknown))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> database.accounts().updateProfile(unknown, new PersonName("Ada", "Lovelace"),
                new Country("GB"), Examples.contactDetails()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(database.accounts().findById(unknown)).isEmpty();
    }

    @Test
    void countsTheAccountsOfOneCompany() {
        Company company = storedCompany();
        Company other = storedCompany();
        database.accounts().add(Examples.account(other.id(), Examples.uniqueEmail()));

        assertThat(database.accounts().countInCompany(company.id())).isZero();
        database.accounts().add(Examples.account(company.id(), Examples.uniqueEmail()));
        assertThat(database.accounts().countInCompany(company.id())).isEqualTo(1);
        database.accounts().add(Examples.account(company.id(), Examples.uniqueEmail()));
        assertThat(database.accounts().countInCompany(company.id())).isEqualTo(2);
        assertThat(database.accounts().countInCompany(other.id())).isEqualTo(1);
        assertThat(database.accounts().countInCompany(new CompanyId(UUID.randomUUID()))).isZero();
    }

    @Test
    void deletesAnAccountWithItsSessionsAndResetLinksButNoOtherAccount() throws SQLException {
        Company company = storedCompany();
        Account account = Examples.account(company.id(), Examples.uniqueEmail());
        Account other = Examples.account(company.id(), Examples.uniqueEmail());
        database.accounts().add(account);
        database.accounts().add(other);
        for (Account each : new Account[] {account, other}) {
            database.sessions().add(new Session(new SessionId(UUID.randomUUID()), tokenHash(), each.id(), Examples.NOW,
                    Examples.NOW, Examples.NOW.plus(12, ChronoUnit.HOURS), false));
            database.passwordResets().add(PasswordReset.issue(UUID.randomUUID(), tokenHash(), each.id(), Examples.NOW));
        }
        assertThat(rowsOf("session", account.id())).isEqualTo(1);
        assertThat(rowsOf("password_reset", account.id())).isEqualTo(1);

        database.accounts().delete(account.id());

        assertThat(database.accounts().findById(account.id())).isEmpty();
        assertThat(database.accounts().existsWithEmail(account.email())).isFalse();
        assertThat(rowsOf("session", account.id())).isZero();
        assertThat(rowsOf("password_reset", account.id())).isZero();
        assertThat(database.accounts().findById(other.id())).contains(other);
        assertThat(rowsOf("session", other.id())).isEqualTo(1);
        assertThat(rowsOf("password_reset", other.id())).isEqualTo(1);
        assertThat(database.accounts().countInCompany(company.id())).isEqualTo(1);
    }

    @Test
    void deletingAnUnknownAccountChangesNothing() {
        Account account = Examples.account(storedCompany().id(), Examples.uniqueEmail());
        database.accounts().add(account);

        database.accounts().delete(new AccountId(UUID.randomUUID()));

        assertThat(database.accounts().findById(account.id())).contains(account);
    }

    /** How many rows of {@code table} refer to the account, counted past the ports. */
    private int rowsOf(String table, AccountId accountId) throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
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
