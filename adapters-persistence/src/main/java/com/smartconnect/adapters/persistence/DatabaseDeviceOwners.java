package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;

/** The owners of registered devices: a registration joined with its owner's account. */
final class DatabaseDeviceOwners implements DeviceOwners {

    /** What {@link #owner} reads of a registration joined with its owner's account. */
    static final List<Field<?>> OWNER_COLUMNS = List.of(ACCOUNT.ID, ACCOUNT.EMAIL, ACCOUNT.FIRST_NAME,
            DEVICE_REGISTRATION.NAME);

    private final DatabaseTransactions transactions;

    DatabaseDeviceOwners(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<DeviceOwner> ownerOf(ProductId productId) {
        return transactions.dsl()
                .select(OWNER_COLUMNS)
                .from(DEVICE_REGISTRATION)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(DEVICE_REGISTRATION.OWNER_ID))
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(productId.value()))
                .fetchOptional(row -> owner(row, productId.value()));
    }

    /**
     * The owner of device {@code productId} from a row of its registration joined with its owner's account: one with
     * the account's id, e-mail and first name and the registration's name, as {@link #ownerOf} and the batch read of
     * {@link DatabaseNotificationTargets} select them.
     */
    static DeviceOwner owner(Record row, String productId) {
        return new DeviceOwner(new AccountId(row.get(ACCOUNT.ID)), new EmailAddress(row.get(ACCOUNT.EMAIL)),
                row.get(ACCOUNT.FIRST_NAME),
                // A device not named yet is called by its Product ID, as on its label.
                Optional.ofNullable(row.get(DEVICE_REGISTRATION.NAME)).orElse(productId));
    }
}
