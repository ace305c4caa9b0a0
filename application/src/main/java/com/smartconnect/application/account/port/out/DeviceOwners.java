package com.smartconnect.application.account.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import java.util.Objects;
import java.util.Optional;

/** Who registered a device: the person the portal writes to about it. */
public interface DeviceOwners {

    /** The owner of a registered device; empty when the device is not registered. */
    Optional<DeviceOwner> ownerOf(ProductId productId);

    /** The owner's account, address and first name, and the name they gave the device. */
    record DeviceOwner(AccountId accountId, EmailAddress email, String firstName, String deviceName) {
        public DeviceOwner {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(deviceName, "deviceName");
        }
    }
}
