package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;

import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceRegistrationRecord;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Sensitivity;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Device registrations, in table {@code device_registration}, one per device. A second registration of a device is
 * skipped by {@code ON CONFLICT DO NOTHING} (a key violation would abort a PostgreSQL transaction). The owner's
 * account deletion removes its registrations by the foreign key's cascade.
 */
final class DatabaseDeviceRegistrations implements DeviceRegistrationRepository {

    private final DatabaseTransactions transactions;

    DatabaseDeviceRegistrations(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<DeviceRegistration> find(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_REGISTRATION)
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(productId.value()))
                .fetchOptional(DatabaseDeviceRegistrations::registration);
    }

    @Override
    public Optional<DeviceRegistration> lock(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_REGISTRATION)
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(productId.value()))
                .forUpdate()
                .fetchOptional(DatabaseDeviceRegistrations::registration);
    }

    @Override
    public boolean add(DeviceRegistration registration) {
        try {
            return insert(registration);
        } catch (org.jooq.exception.DataAccessException e) {
            // H2's emulation of ON CONFLICT does not see another account's registration of the device that is not
            // committed yet; once it is, the primary key refuses this one, and H2 keeps the transaction usable.
            if (transactions.dsl().family() != org.jooq.SQLDialect.H2 || !"23505".equals(e.sqlState())) {
                throw e;
            }
            return false;
        }
    }

    private boolean insert(DeviceRegistration registration) {
        return transactions.dsl().insertInto(DEVICE_REGISTRATION)
                .set(DEVICE_REGISTRATION.PRODUCT_ID, registration.productId().value())
                .set(DEVICE_REGISTRATION.OWNER_ID, registration.owner().value())
                .set(DEVICE_REGISTRATION.COMPANY_ID, registration.company().value())
                .set(DEVICE_REGISTRATION.REGISTERED_AT, Timestamps.column(registration.registeredAt()))
                .set(DEVICE_REGISTRATION.NAME, registration.name().orElse(null))
                .set(DEVICE_REGISTRATION.DESCRIPTION, registration.description().orElse(null))
                .set(DEVICE_REGISTRATION.TIME_ZONE, registration.timeZone().getId())
                .set(DEVICE_REGISTRATION.NOTIFICATIONS, registration.notifications())
                .set(DEVICE_REGISTRATION.SENSITIVITY, registration.sensitivity().name())
                .onConflict(DEVICE_REGISTRATION.PRODUCT_ID).doNothing()
                .execute() == 1;
    }

    @Override
    public void update(DeviceRegistration registration) {
        transactions.dsl().update(DEVICE_REGISTRATION)
                .set(DEVICE_REGISTRATION.NAME, registration.name().orElse(null))
                .set(DEVICE_REGISTRATION.DESCRIPTION, registration.description().orElse(null))
                .set(DEVICE_REGISTRATION.TIME_ZONE, registration.timeZone().getId())
                .set(DEVICE_REGISTRATION.NOTIFICATIONS, registration.notifications())
                .set(DEVICE_REGISTRATION.SENSITIVITY, registration.sensitivity().name())
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(registration.productId().value()))
                .and(DEVICE_REGISTRATION.OWNER_ID.eq(registration.owner().value()))
                .execute();
    }

    @Override
    public boolean remove(ProductId productId, AccountId owner) {
        return transactions.dsl().deleteFrom(DEVICE_REGISTRATION)
                .where(DEVICE_REGISTRATION.PRODUCT_ID.eq(productId.value()))
                .and(DEVICE_REGISTRATION.OWNER_ID.eq(owner.value()))
                .execute() == 1;
    }

    @Override
    public List<DeviceRegistration> ofCompany(CompanyId company) {
        return transactions.dsl().selectFrom(DEVICE_REGISTRATION)
                .where(DEVICE_REGISTRATION.COMPANY_ID.eq(company.value()))
                .orderBy(DEVICE_REGISTRATION.PRODUCT_ID)
                .fetch(DatabaseDeviceRegistrations::registration);
    }

    @Override
    public void removeAllOwnedBy(AccountId owner) {
        transactions.dsl().deleteFrom(DEVICE_REGISTRATION)
                .where(DEVICE_REGISTRATION.OWNER_ID.eq(owner.value()))
                .execute();
    }

    private static DeviceRegistration registration(DeviceRegistrationRecord row) {
        return new DeviceRegistration(new ProductId(row.getProductId()), new AccountId(row.getOwnerId()),
                new CompanyId(row.getCompanyId()), Timestamps.instant(row.getRegisteredAt()),
                Optional.ofNullable(row.getName()), Optional.ofNullable(row.getDescription()),
                ZoneId.of(row.getTimeZone()), row.getNotifications(), Sensitivity.valueOf(row.getSensitivity()));
    }
}
