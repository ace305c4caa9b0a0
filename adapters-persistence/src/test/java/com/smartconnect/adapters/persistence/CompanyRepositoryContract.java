package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

abstract class CompanyRepositoryContract extends DatabaseContract {

    @Test
    void keepsACompanyWithEveryDetail() {
        Company company = Examples.company();

        database.companies().add(company);

        assertThat(database.companies().findById(company.id())).contains(company);
    }

    @Test
    void keepsACompanyWithoutTheOptionalFields() {
        Company company = new Company(new CompanyId(UUID.randomUUID()), Examples.companyDetailsWithoutOptionalFields(),
                Examples.NOW);

        database.companies().add(company);

        Company found = database.companies().findById(company.id()).orElseThrow();
        assertThat(found).isEqualTo(company);
        assertThat(found.details().areaOfFocus()).isEmpty();
        assertThat(found.details().industrySegment()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(database.companies().findById(new CompanyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void updatesTheDetailsOfOneCompanyOnlyAndClearsTheOptionalFieldsAgain() {
        Company company = new Company(new CompanyId(UUID.randomUUID()), Examples.companyDetailsWithoutOptionalFields(),
                Examples.NOW);
        Company other = Examples.company();
        database.companies().add(company);
        database.companies().add(other);
        CompanyDetails details = Examples.otherCompanyDetails();

        database.companies().updateDetails(company.id(), details);

        assertThat(database.companies().findById(company.id()))
                .contains(new Company(company.id(), details, company.createdAt()));
        assertThat(database.companies().findById(other.id())).contains(other);

        database.companies().updateDetails(company.id(), Examples.companyDetailsWithoutOptionalFields());

        Company found = database.companies().findById(company.id()).orElseThrow();
        assertThat(found).isEqualTo(company);
        assertThat(found.details().areaOfFocus()).isEmpty();
        assertThat(found.details().industrySegment()).isEmpty();
        assertThat(database.companies().findById(other.id())).contains(other);
    }

    @Test
    void refusesToUpdateTheDetailsOfAnUnknownCompany() {
        CompanyId unknown = new CompanyId(UUID.randomUUID());

        assertThatThrownBy(() -> database.companies().updateDetails(unknown, Examples.companyDetails()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(database.companies().findById(unknown)).isEmpty();
    }

    @Test
    void deletesACompanyAndNoOther() {
        Company company = Examples.company();
        Company other = Examples.company();
        database.companies().add(company);
        database.companies().add(other);

        database.companies().delete(company.id());

        assertThat(database.companies().findById(company.id())).isEmpty();
        assertThat(database.companies().findById(other.id())).contains(other);
    }

    /** Only a company without members is deleted: the foreign key of its accounts does not cascade. */
    @Test
    void refusesToDeleteACompanyThatStillHasAMember() {
        Company company = Examples.company();
        database.companies().add(company);
        Account member = Examples.account(company.id(), Examples.uniqueEmail());
        database.accounts().add(member);

        assertThatThrownBy(() -> database.companies().delete(company.id())).isInstanceOf(DataAccessException.class);

        assertThat(database.companies().findById(company.id())).contains(company);
        assertThat(database.accounts().findById(member.id())).contains(member);
    }

    /** Members leaving at once count the remaining members one after the other. */
    @Test
    void aLockedCompanyMakesTheNextLockWaitUntilTheTransactionEnds() throws Exception {
        Company company = Examples.company();
        database.companies().add(company);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() -> database.transactions().inTransaction(() -> {
            database.companies().lock(company.id());
            locked.countDown();
            await(release);
            return null;
        }), SEPARATE_THREADS);
        await(locked);

        var waiter = java.util.concurrent.CompletableFuture.runAsync(() -> database.transactions().inTransaction(() -> {
            database.companies().lock(company.id());
            return null;
        }), SEPARATE_THREADS);
        Thread.sleep(300);
        assertThat(waiter).as("waits while the company is locked").isNotDone();

        release.countDown();
        holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
        waiter.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
