package com.smartconnect.application.account.port.out;

import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import java.util.Optional;

/** Where companies are kept. */
public interface CompanyRepository {

    void add(Company company);

    Optional<Company> findById(CompanyId id);

    /**
     * Locks the company until the current transaction ends: members leaving at the same moment then count the
     * remaining members one after the other, so the last one to leave always sees that it is the last.
     */
    void lock(CompanyId id);

    /** Replaces the details of a company. */
    void updateDetails(CompanyId id, CompanyDetails details);

    /** Deletes a company that has no member left. */
    void delete(CompanyId id);
}
