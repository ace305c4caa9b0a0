package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.COMPANY;

import com.smartconnect.adapters.persistence.jooq.tables.records.CompanyRecord;
import com.smartconnect.application.account.port.out.CompanyRepository;
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

    /** Every column but {@code id} and {@code created_at}; an absent optional field becomes null. */
    @Override
    public void updateDetails(CompanyId id, CompanyDetails details) {
        int updated = transactions.dsl().update(COMPANY)
                .set(COMPANY.NAME, details.name())
                .set(COMPANY.BUSINESS_TYPE, details.businessType())
                .set(COMPANY.AREA_OF_FOCUS, details.areaOfFocus().orElse(null))
                .set(COMPANY.INDUSTRY_SEGMENT, details.industrySegment().orElse(null))
                .set(COMPANY.ADDRESS, details.address())
                .set(COMPANY.CITY, details.city())
                .set(COMPANY.ZIP_CODE, details.zipCode())
                .set(COMPANY.STATE_PROVINCE, details.stateProvince())
                .set(COMPANY.COUNTRY, details.country().code())
                .where(COMPANY.ID.eq(id.value()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("company " + id + " does not exist");
        }
    }

    /** A company that still has a member is refused by the foreign key of {@code account}, which does not cascade. */
    @Override
    public void lock(CompanyId id) {
        transactions.dsl().selectFrom(COMPANY).where(COMPANY.ID.eq(id.value())).forUpdate().fetch();
    }

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
