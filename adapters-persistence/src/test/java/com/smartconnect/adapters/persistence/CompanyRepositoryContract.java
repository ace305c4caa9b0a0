package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import java.util.UUID;
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
}
