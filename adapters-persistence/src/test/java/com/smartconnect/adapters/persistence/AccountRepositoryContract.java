package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.EmailAddress;
import java.util.UUID;
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
}
