package com.smartconnect.application.reseller.port.out;

import com.smartconnect.domain.account.AccountId;

/** The Reseller page's "Not interested?" setting of each customer (false until set). */
public interface ResellerPreferences {

    boolean notInterested(AccountId customer);

    void setNotInterested(AccountId customer, boolean notInterested);
}
