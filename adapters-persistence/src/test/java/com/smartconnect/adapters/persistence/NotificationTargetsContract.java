package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.port.out.DeviceOwners.DeviceOwner;
import com.smartconnect.application.notification.port.out.NotificationTargets.Target;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class NotificationTargetsContract extends PortContract {

    private static final Instant AT = Examples.NOW;
    private static final Instant IN_A_YEAR = AT.plus(Duration.ofDays(365));

    private NotificationTargets targets() {
        return ports.notificationTargets();
    }

    /**
     * Of a batch, the registered devices with their notifications on, each with its owner (address, first name, the
     * name they gave it or else its Product ID), its time zone, its plan if it has one, and its notifications in order;
     * a device with its notifications off (even with notifications and a plan), a device of the catalog that is not
     * registered (even with a plan) and a device unknown to the catalog are left out.
     */
    @Test
    void theTargetsOfABatchAreItsRegisteredDevicesWithTheirOwnersPlansAndNotifications() {
        Account grace = storedAccount("Grace");
        Account alan = storedAccount("Alan");
        ProductId named = catalogued();
        DeviceRegistration namedRegistration = register(named, grace).withProfile(Optional.of("Rack 4"),
                Optional.of("Server room"), ZoneId.of("Europe/Paris"), true);
        ports.deviceRegistrations().update(namedRegistration);
        DevicePlan freePeriod = savePlan(named);
        List<NotificationId> ids = EventNotificationRepositoryContract.idsOutOfOrder();
        List<EventNotification> namedNotifications = List.of(
                EventNotification.defaultFor(ids.get(0), named, grace.email()),
                new EventNotification(ids.get(1), named, List.of(Examples.uniqueEmail(), Examples.uniqueEmail()),
                        EnumSet.of(Severity.INFO), new TreeSet<>(Set.of("ON_BATTERY")), false),
                new EventNotification(ids.get(2), named, List.of(), Set.of(), new TreeSet<>(Set.of("OVERLOAD")),
                        true));
        namedNotifications.forEach(ports.eventNotifications()::add);
        ProductId unnamed = catalogued();
        DeviceRegistration unnamedRegistration = register(unnamed, alan);
        ports.deviceRegistrations().update(unnamedRegistration.withProfile(Optional.empty(), Optional.empty(),
                ZoneOffset.UTC, true));
        ProductId switchedOff = catalogued();
        ports.deviceRegistrations().update(register(switchedOff, grace).withProfile(Optional.of("Quiet"),
                Optional.empty(), ZoneOffset.UTC, false));
        savePlan(switchedOff);
        ports.eventNotifications().add(
                EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), switchedOff, grace.email()));
        ProductId unregistered = catalogued();
        savePlan(unregistered);
        ProductId unknown = DeviceCatalogContract.uniqueProductId();

        Map<ProductId, Target> batch = targets().of(List.of(unknown, unnamed, named, unregistered, named,
                switchedOff));

        assertThat(batch).containsOnlyKeys(named, unnamed);
        Target ofNamed = batch.get(named);
        assertThat(ofNamed.owner()).isEqualTo(new DeviceOwner(grace.id(), grace.email(), "Grace", "Rack 4"));
        assertThat(ofNamed.owner()).isEqualTo(ports.deviceOwners().ownerOf(named).orElseThrow());
        assertThat(ofNamed.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(ofNamed.plan()).contains(freePeriod);
        assertThat(ofNamed.notifications()).containsExactlyElementsOf(namedNotifications);
        Target ofUnnamed = batch.get(unnamed);
        assertThat(ofUnnamed.owner()).isEqualTo(new DeviceOwner(alan.id(), alan.email(), "Alan", unnamed.value()));
        assertThat(ofUnnamed.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(ofUnnamed.plan()).as("on Basic, without a plan row").isEmpty();
        assertThat(ofUnnamed.notifications()).isEmpty();
    }

    @Test
    void noDevicesNoTargets() {
        ProductId registered = catalogued();
        register(registered, storedAccount("Grace"));

        assertThat(targets().of(List.of())).isEmpty();
        assertThat(targets().of(List.of(DeviceCatalogContract.uniqueProductId()))).isEmpty();
        assertThat(targets().of(List.of(registered))).containsOnlyKeys(registered);
    }

    /** Unregistered, a device is no target any more, nor are its notifications anyone's. */
    @Test
    void anUnregisteredDeviceIsNoTargetAnyMore() {
        Account owner = storedAccount("Grace");
        ProductId device = catalogued();
        ProductId kept = catalogued();
        register(device, owner);
        register(kept, owner);
        ports.eventNotifications().add(EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                owner.email()));
        EventNotification ofTheKept = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), kept,
                owner.email());
        ports.eventNotifications().add(ofTheKept);

        ports.deviceRegistrations().remove(device, owner.id());

        Map<ProductId, Target> batch = targets().of(List.of(device, kept));
        assertThat(batch).containsOnlyKeys(kept);
        assertThat(batch.get(kept).notifications()).containsExactly(ofTheKept);
    }

    /**
     * The targets are cached, yet every change made through this instance is read by the next read: the UPS profile
     * (switch and name), the notifications, the plan, the owner's name and address, an unregistration; a transaction
     * reads its own change, and a rolled back change leaves what was there.
     */
    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void everyChangeOfATargetIsReadByTheNextRead() {
        Account owner = storedAccount("Grace");
        ProductId device = catalogued();
        DeviceRegistration registration = register(device, owner);
        ProductId quiet = catalogued();
        DeviceRegistration quietRegistration = register(quiet, owner);
        ports.deviceRegistrations().update(quietRegistration.withProfile(Optional.empty(), Optional.empty(),
                ZoneOffset.UTC, false));
        assertThat(targets().of(List.of(device, quiet))).containsOnlyKeys(device);
        assertThat(targets().of(List.of(device, quiet))).containsOnlyKeys(device);

        ports.deviceRegistrations().update(quietRegistration.withProfile(Optional.of("Loud"), Optional.empty(),
                ZoneOffset.UTC, true));
        Map<ProductId, Target> both = targets().of(List.of(device, quiet));
        assertThat(both).containsOnlyKeys(device, quiet);
        assertThat(both.get(quiet).owner().deviceName()).isEqualTo("Loud");

        EventNotification notification = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                owner.email());
        ports.eventNotifications().add(notification);
        assertThat(targets().of(List.of(device)).get(device).notifications()).containsExactly(notification);

        DevicePlan plan = savePlan(device);
        assertThat(targets().of(List.of(device)).get(device).plan()).contains(plan);

        ports.accounts().updateProfile(owner.id(), new PersonName("Ada", "Hopper"), new Country("GB"),
                ContactDetails.NONE);
        assertThat(targets().of(List.of(device)).get(device).owner().firstName()).isEqualTo("Ada");
        EmailAddress moved = Examples.uniqueEmail();
        assertThat(ports.accounts().updateEmail(owner.id(), moved)).isTrue();
        assertThat(targets().of(List.of(device)).get(device).owner().email()).isEqualTo(moved);

        ports.transactions().inTransaction(() -> {
            assertThat(targets().of(List.of(device))).containsOnlyKeys(device);
            ports.deviceRegistrations().update(registration.withProfile(Optional.empty(), Optional.empty(),
                    ZoneOffset.UTC, false));
            assertThat(targets().of(List.of(device))).as("its own change, in the transaction").isEmpty();
            return null;
        });
        assertThat(targets().of(List.of(device))).isEmpty();
        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            ports.deviceRegistrations().update(registration.withProfile(Optional.empty(), Optional.empty(),
                    ZoneOffset.UTC, true));
            assertThat(targets().of(List.of(device))).containsOnlyKeys(device);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(targets().of(List.of(device))).as("after the rollback").isEmpty();

        ports.deviceRegistrations().remove(quiet, owner.id());
        assertThat(targets().of(List.of(device, quiet))).isEmpty();
    }

    /**
     * A read while another transaction has changed a target but not committed yet reads (and may cache) the old
     * target; once that transaction commits, the next read has the new one.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aChangeCommittedAfterARacingReadIsReadNext() throws Exception {
        Account owner = storedAccount("Grace");
        ProductId device = catalogued();
        DeviceRegistration registration = register(device, owner);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readMeanwhile = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            ports.deviceRegistrations().update(registration.withProfile(Optional.empty(), Optional.empty(),
                    ZoneOffset.UTC, false));
            written.countDown();
            awaitQuietly(readMeanwhile);
            return null;
        }));

        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(targets().of(List.of(device))).as("not committed yet").containsOnlyKeys(device);
        readMeanwhile.countDown();
        writer.get(10, TimeUnit.SECONDS);

        assertThat(targets().of(List.of(device))).as("committed").isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** More devices than one statement takes: registered ones at both ends of the batch, and in between. */
    @Test
    void aBatchLargerThanOneStatementTakesIsReadWhole() {
        Account owner = storedAccount("Grace");
        List<ProductId> batch = new ArrayList<>();
        for (int i = 0; i < 2 * DatabaseNotificationTargets.CHUNK + 10; i++) {
            batch.add(DeviceCatalogContract.uniqueProductId());
        }
        List<ProductId> registered = List.of(batch.getFirst(), batch.get(DatabaseNotificationTargets.CHUNK - 1),
                batch.get(DatabaseNotificationTargets.CHUNK), batch.get(DatabaseNotificationTargets.CHUNK + 500),
                batch.getLast());
        List<EventNotification> notifications = new ArrayList<>();
        for (ProductId device : registered) {
            ports.deviceCatalog().save(DeviceCatalogContract.entry(device, "SMT1500RMI2UC"));
            register(device, owner);
            EventNotification notification = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()),
                    device, owner.email());
            ports.eventNotifications().add(notification);
            notifications.add(notification);
        }

        Map<ProductId, Target> targets = targets().of(batch.reversed());

        assertThat(targets).containsOnlyKeys(registered);
        for (int i = 0; i < registered.size(); i++) {
            assertThat(targets.get(registered.get(i)).notifications()).containsExactly(notifications.get(i));
        }
    }

    /** A stored account, in a company of its own, whose owner's first name is {@code firstName}. */
    private Account storedAccount(String firstName) {
        Company company = Examples.company();
        ports.companies().add(company);
        Account account = new Account(new AccountId(UUID.randomUUID()), Examples.uniqueEmail(),
                new PersonName(firstName, "Hopper"), new Country("GB"), "$argon2id$v=19$hash", company.id(), false,
                AT.minusSeconds(60), AT);
        ports.accounts().add(account);
        return account;
    }

    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    private DeviceRegistration register(ProductId device, Account owner) {
        DeviceRegistration registration = DeviceRegistration.registered(device, owner.id(), owner.companyId(), AT);
        assertThat(ports.deviceRegistrations().add(registration)).isTrue();
        return registration;
    }

    private DevicePlan savePlan(ProductId device) {
        DevicePlan plan = new DevicePlan(device, Plan.FREE_PERIOD, AT, Optional.of(IN_A_YEAR));
        ports.plans().save(plan, new PlanChange(device, Plan.FREE_PERIOD, AT, Optional.of(IN_A_YEAR),
                PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL));
        return plan;
    }
}
