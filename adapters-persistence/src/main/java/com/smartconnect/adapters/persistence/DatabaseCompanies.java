package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.COMPANY;

import com.smartconnect.adapters.persistence.jooq.tables.records.CompanyRecord;
import com.smartconnect.application.port.out.CompanyRepository;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import java.util.Optional;

/** The companies, in table {@code company}. */
final class DatabaseCompanies implements CompanyRepository {

    private final DatabaseTransactions transactions;

    DatabaseCompanies(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Company company) {
        CompanyDetails details = company.details();
        CompanyRecord row = new CompanyRecord(company.id().value(), details.name(), details.businessType(),
                details.areaOfFocus().orElse(null), details.industrySegment().orElse(null), details.address(),
                details.city(), details.zipCode(), details.stateProvince(), details.country().code(),
                Timestamps.column(company.createdAt()));
        transactions.dsl().executeInsert(row);
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        return transactions.dsl().selectFrom(COMPANY).where(COMPANY.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseCompanies::company);
    }

    /** A company that still has a member is refused by the foreign key of {@code account}, which does not cascade. */
    @Override
    public void delete(CompanyId id) {
        transactions.dsl().deleteFrom(COMPANY).where(COMPANY.ID.eq(id.value())).execute();
    }

    private static Company company(CompanyRecord row) {
        CompanyDetails details = new CompanyDetails(row.getName(), row.getBusinessType(),
                Optional.ofNullable(row.getAreaOfFocus()), Optional.ofNullable(row.getIndustrySegment()),
                row.getAddress(), row.getCity(), row.getZipCode(), row.getStateProvince(), new Country(row.getCountry()));
        return new Company(new CompanyId(row.getId()), details, Timestamps.instant(row.getCreatedAt()));
    }
}
