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

abstract class CompanyRepositoryContract extends PortContract {

    @Test
    void keepsACompanyWithEveryDetail() {
        Company company = Examples.company();

        ports.companies().add(company);

        assertThat(ports.companies().findById(company.id())).contains(company);
    }

    @Test
    void keepsACompanyWithoutTheOptionalFields() {
        Company company = new Company(new CompanyId(UUID.randomUUID()), Examples.companyDetailsWithoutOptionalFields(),
                Examples.NOW);

        ports.companies().add(company);

        Company found = ports.companies().findById(company.id()).orElseThrow();
        assertThat(found).isEqualTo(company);
        assertThat(found.details().areaOfFocus()).isEmpty();
        assertThat(found.details().industrySegment()).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(ports.companies().findById(new CompanyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void updatesTheDetailsOfOneCompanyOnlyAndClearsTheOptionalFieldsAgain() {
        Company company = new Company(new CompanyId(UUID.randomUUID()), Examples.companyDetailsWithoutOptionalFields(),
                Examples.NOW);
        Company other = Examples.company();
        ports.companies().add(company);
        ports.companies().add(other);
        CompanyDetails details = Examples.otherCompanyDetails();

        ports.companies().updateDetails(company.id(), details);

        assertThat(ports.companies().findById(company.id()))
                .contains(new Company(company.id(), details, company.createdAt()));
        assertThat(ports.companies().findById(other.id())).contains(other);

        ports.companies().updateDetails(company.id(), Examples.companyDetailsWithoutOptionalFields());

        Company found = ports.companies().findById(company.id()).orElseThrow();
        assertThat(found).isEqualTo(company);
        assertThat(found.details().areaOfFocus()).isEmpty();
        assertThat(found.details().industrySegment()).isEmpty();
        assertThat(ports.companies().findById(other.id())).contains(other);
    }

    @Test
    void refusesToUpdateTheDetailsOfAnUnknownCompany() {
        CompanyId unknown = new CompanyId(UUID.randomUUID());

        assertThatThrownBy(() -> ports.companies().updateDetails(unknown, Examples.companyDetails()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ports.companies().findById(unknown)).isEmpty();
    }

    @Test
    void deletesACompanyAndNoOther() {
        Company company = Examples.company();
        Company other = Examples.company();
        ports.companies().add(company);
        ports.companies().add(other);

        ports.companies().delete(company.id());

        assertThat(ports.companies().findById(company.id())).isEmpty();
        assertThat(ports.companies().findById(other.id())).contains(other);
    }

    /** Only a company without members is deleted: the foreign key of its accounts does not cascade. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void refusesToDeleteACompanyThatStillHasAMember() {
        Company company = Examples.company();
        ports.companies().add(company);
        Account member = Examples.account(company.id(), Examples.uniqueEmail());
        ports.accounts().add(member);

        assertThatThrownBy(() -> ports.companies().delete(company.id())).isInstanceOf(DataAccessException.class);

        assertThat(ports.companies().findById(company.id())).contains(company);
        assertThat(ports.accounts().findById(member.id())).contains(member);
    }

    /** Members leaving at once count the remaining members one after the other. */
    @Test
    void aLockedCompanyMakesTheNextLockWaitUntilTheTransactionEnds() throws Exception {
        Company company = Examples.company();
        ports.companies().add(company);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            ports.companies().lock(company.id());
            locked.countDown();
            await(release);
            return null;
        }), SEPARATE_THREADS);
        await(locked);

        var waiter = java.util.concurrent.CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            ports.companies().lock(company.id());
            return null;
        }), SEPARATE_THREADS);
        Thread.sleep(300);
        assertThat(waiter).as("waits while the company is locked").isNotDone();

        release.countDown();
        holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
        waiter.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
