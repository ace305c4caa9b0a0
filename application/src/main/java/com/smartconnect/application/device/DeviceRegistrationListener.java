package com.smartconnect.application.device;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.device.DeviceRegistration;

/**
 * What another context sets up when a device is registered for the first time (its first Event Notification), in the
 * registering transaction.
 */
public interface DeviceRegistrationListener {

    void registered(DeviceRegistration registration, Account owner);
}
