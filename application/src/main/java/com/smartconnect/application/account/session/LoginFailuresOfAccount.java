package com.smartconnect.application.account.session;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/**
 * The failed logins counted against a deleted account's address go with it: they are kept under the address, not the
 * account, and would otherwise outlive it.
 */
public final class LoginFailuresOfAccount implements AccountDependents {

    private final LoginFailures failures;

    @Inject
    public LoginFailuresOfAccount(LoginFailures failures) {
        this.failures = failures;
    }

    @Override
    public void erase(Account account) {
        failures.clear(LoginAttempts.addressKey(account.email()));
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.LOGIN_FAILURES;
    }
}
