package com.smartconnect.application.service;

import com.smartconnect.application.port.in.Profile;
import com.smartconnect.application.port.in.ProfileQuery;
import com.smartconnect.application.port.out.AccountRepository;
import com.smartconnect.application.port.out.CompanyRepository;
import com.smartconnect.domain.account.AccountId;
import jakarta.inject.Inject;
import java.util.Optional;

/** Reads profiles: the account with its company. */
public final class ProfileService implements ProfileQuery {

    private final AccountRepository accounts;
    private final CompanyRepository companies;

    @Inject
    public ProfileService(AccountRepository accounts, CompanyRepository companies) {
        this.accounts = accounts;
        this.companies = companies;
    }

    @Override
    public Optional<Profile> profileOf(AccountId accountId) {
        return accounts.findById(accountId).flatMap(account -> companies.findById(account.companyId())
                .map(company -> new Profile(account.email(), account.name(), account.country(), company.details())));
    }
}
