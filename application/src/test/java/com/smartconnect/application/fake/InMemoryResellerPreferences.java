package com.smartconnect.application.fake;

import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import com.smartconnect.domain.account.AccountId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ResellerPreferences} in a set of the customers who are not interested. */
public final class InMemoryResellerPreferences implements ResellerPreferences {

    private final Set<AccountId> notInterested = ConcurrentHashMap.newKeySet();

    @Override
    public boolean notInterested(AccountId customer) {
        return notInterested.contains(customer);
    }

    @Override
    public void setNotInterested(AccountId customer, boolean value) {
        if (value) {
            notInterested.add(customer);
        } else {
            notInterested.remove(customer);
        }
    }
}
