package com.smartconnect.application.reseller;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/** A deleted account's reseller connections go with it. */
public final class ResellerConnectionsOfAccount implements AccountDependents {

    private final ResellerConnectionRepository connections;

    @Inject
    public ResellerConnectionsOfAccount(ResellerConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public void erase(Account account) {
        connections.deleteAllOf(account.id());
    }
}
