package com.smartconnect.application.device;

import com.smartconnect.domain.account.AccountId;

/** Whether registering a device should go on to the Reseller step: the reseller context decides. */
public interface ResellerOffer {

    boolean offerOnDeviceRegistration(AccountId customer);
}
