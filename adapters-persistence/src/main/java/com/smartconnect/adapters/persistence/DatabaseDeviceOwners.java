package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;

import com.smartconnect.application.port.out.DeviceOwners;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import java.util.Optional;

/** The owners of registered devices: a registration joined with its owner's account. */
final class DatabaseDeviceOwners implements DeviceOwners {

    private final DatabaseTransactions transactions;

    DatabaseDeviceOwners(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<DeviceOwner> ownerOf(ProductId productId) {
        return transactions.dsl()
                .select(ACCOUNT.ID, ACCOUNT.EMAIL, ACCOUNT.FIRST_NAME, DEVICE_REGISTRATION.NAME)
                .from(DEVICE_REGISTRATION)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(DEVICE_REGISTRATION.OWNER_ID))
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(productId.value()))
                .fetchOptional(row -> new DeviceOwner(new AccountId(row.get(ACCOUNT.ID)),
                        new EmailAddress(row.get(ACCOUNT.EMAIL)), row.get(ACCOUNT.FIRST_NAME),
                        // A device not named yet is called by its Product ID, as on its label.
                        Optional.ofNullable(row.get(DEVICE_REGISTRATION.NAME)).orElse(productId.value())));
    }
}
