package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/**
 * The sign-ups pending for a deleted account's address go with it: they are kept under the address, not the account,
 * and would otherwise outlive it.
 */
public final class RegistrationsOfAccount implements AccountDependents {

    private final RegistrationRepository registrations;

    @Inject
    public RegistrationsOfAccount(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public void erase(Account account) {
        registrations.deleteAllOf(account.email());
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.REGISTRATIONS;
    }
}
