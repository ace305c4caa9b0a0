package com.smartconnect.application.reseller.port.in;

import com.smartconnect.domain.account.AccountId;

/** Reads the Reseller page of the logged-in customer (callers pass the id of the authenticated user). */
public interface ResellerQuery {

    ResellerView resellerOf(AccountId customer);
}
