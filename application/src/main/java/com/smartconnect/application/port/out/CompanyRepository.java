package com.smartconnect.application.port.out;

import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import java.util.Optional;

/** Where companies are kept. */
public interface CompanyRepository {

    void add(Company company);

    Optional<Company> findById(CompanyId id);

    /** Deletes a company that has no member left. */
    void delete(CompanyId id);
}
