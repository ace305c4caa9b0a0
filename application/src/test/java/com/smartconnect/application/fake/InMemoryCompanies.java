package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CompanyRepository} in a map. */
public final class InMemoryCompanies implements CompanyRepository {

    private final Map<CompanyId, Company> byId = new ConcurrentHashMap<>();

    @Override
    public void add(Company company) {
        byId.put(company.id(), company);
    }

    @Override
    public Optional<Company> findById(CompanyId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void updateDetails(CompanyId id, com.smartconnect.domain.account.CompanyDetails details) {
        if (byId.computeIfPresent(id, (key, c) -> new Company(c.id(), details, c.createdAt())) == null) {
            throw new IllegalStateException("company " + id + " does not exist");
        }
    }

    /** The fake's maps are safe for one JVM's threads already; there is nothing more to order. */
    @Override
    public void lock(CompanyId id) {
    }

    @Override
    public void delete(CompanyId id) {
        byId.remove(id);
    }

    public int size() {
        return byId.size();
    }
}
