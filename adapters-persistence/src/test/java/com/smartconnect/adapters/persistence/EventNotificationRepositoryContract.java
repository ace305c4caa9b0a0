package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

abstract class EventNotificationRepositoryContract extends PortContract {

    private static final Instant AT = Examples.NOW;

    private EventNotificationRepository notifications() {
        return ports.eventNotifications();
    }

    /**
     * In the order they were stored, not in the order of their ids (here neither ascending nor descending); the lists
     * as given: the
     * recipients in their order, no event types, no severities, e-mail off.
     */
    @Test
    void keepsTheNotificationsOfADeviceInTheOrderTheyWereMade() {
        ProductId device = registered(storedAccount());
        ProductId other = registered(storedAccount());
        List<NotificationId> ids = idsOutOfOrder();
        EventNotification defaultOne = EventNotification.defaultFor(ids.get(0), device, Examples.uniqueEmail());
        EventNotification byType = new EventNotification(ids.get(1), device,
                List.of(new EmailAddress("zoe@example.com"), new EmailAddress("Adam@Example.com")), Set.of(),
                new TreeSet<>(Set.of("ON_BATTERY", "BATTERY_REPLACE")), false);
        EventNotification nobodyYet = new EventNotification(ids.get(2), device, List.of(),
                EnumSet.allOf(Severity.class), new TreeSet<>(Set.of("OVERLOAD")), true);
        EventNotification ofTheOther = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), other,
                Examples.uniqueEmail());

        notifications().add(defaultOne);
        notifications().add(ofTheOther);
        notifications().add(byType);
        notifications().add(nobodyYet);

        assertThat(notifications().ofDevice(device)).containsExactly(defaultOne, byType, nobodyYet);
        assertThat(notifications().ofDevice(other)).containsExactly(ofTheOther);
        EventNotification read = notifications().find(byType.id()).orElseThrow();
        assertThat(read).isEqualTo(byType);
        assertThat(read.recipients()).extracting(EmailAddress::value).containsExactly("zoe@example.com",
                "adam@example.com");
        assertThat(read.severities()).isEmpty();
        assertThat(read.email()).isFalse();
        assertThat(notifications().find(nobodyYet.id()).orElseThrow().recipients()).isEmpty();
        assertThat(notifications().find(defaultOne.id()).orElseThrow().eventTypes()).isEmpty();
        assertThat(notifications().find(new NotificationId(UUID.randomUUID()))).isEmpty();
        assertThat(notifications().ofDevice(DeviceCatalogContract.uniqueProductId())).isEmpty();
    }

    /** The columns hold the most the domain allows: 10 addresses of 254 characters, 32 event types of 64. */
    @Test
    void keepsTheLongestListsTheDomainAllows() {
        ProductId device = registered(storedAccount());
        List<EmailAddress> recipients = IntStream.range(0, EventNotification.MAX_RECIPIENTS)
                .mapToObj(i -> new EmailAddress(i + "a".repeat(63) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                        + "d".repeat(57) + ".com"))
                .toList();
        TreeSet<String> types = IntStream.range(0, EventNotification.MAX_EVENT_TYPES)
                .mapToObj(i -> "T" + "_".repeat(61) + String.format("%02d", i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(recipients.getFirst().value()).hasSize(254);
        assertThat(types.first()).hasSize(64);
        EventNotification longest = new EventNotification(new NotificationId(UUID.randomUUID()), device, recipients,
                EnumSet.allOf(Severity.class), types, true);

        notifications().add(longest);

        assertThat(notifications().find(longest.id())).contains(longest);
    }

    /** An update replaces the lists and the switch, and keeps the notification's place among the device's. */
    @Test
    void anUpdateReplacesTheNotificationInItsPlace() {
        ProductId device = registered(storedAccount());
        List<NotificationId> ids = idsOutOfOrder();
        EventNotification first = EventNotification.defaultFor(ids.get(1), device, Examples.uniqueEmail());
        EventNotification second = EventNotification.defaultFor(ids.get(2), device, Examples.uniqueEmail());
        notifications().add(first);
        notifications().add(second);
        EventNotification changed = new EventNotification(first.id(), device,
                List.of(Examples.uniqueEmail(), Examples.uniqueEmail()), Set.of(Severity.INFO),
                new TreeSet<>(Set.of("ON_BATTERY")), false);

        assertThat(notifications().update(changed)).isTrue();

        assertThat(notifications().ofDevice(device)).containsExactly(changed, second);
        EventNotification unsubscribed = changed.without(changed.recipients().getFirst());
        assertThat(notifications().update(unsubscribed)).isTrue();
        assertThat(notifications().find(first.id())).contains(unsubscribed);
    }

    @Test
    void updatingOrRemovingANotificationThatIsNotThereAnswersFalse() {
        ProductId device = registered(storedAccount());
        EventNotification stored = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());
        notifications().add(stored);
        EventNotification unknown = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());
        ProductId other = registered(storedAccount());
        EventNotification ofAnotherDevice = EventNotification.defaultFor(stored.id(), other, Examples.uniqueEmail());

        assertThat(notifications().update(unknown)).isFalse();
        assertThat(notifications().find(unknown.id())).as("not added by the update").isEmpty();
        assertThat(notifications().update(ofAnotherDevice)).as("not moved to another device").isFalse();
        assertThat(notifications().find(stored.id())).contains(stored);
        assertThat(notifications().ofDevice(other)).isEmpty();
        assertThat(notifications().remove(unknown.id())).isFalse();

        assertThat(notifications().remove(stored.id())).isTrue();
        assertThat(notifications().find(stored.id())).isEmpty();
        assertThat(notifications().ofDevice(device)).isEmpty();
        assertThat(notifications().remove(stored.id())).isFalse();
        assertThat(notifications().update(stored)).isFalse();
    }

    /** Only a registered device has notifications (the foreign key). */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void refusesANotificationOfADeviceThatIsNotRegistered() {
        ProductId device = catalogued();
        EventNotification notification = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());

        assertThatThrownBy(() -> notifications().add(notification)).isInstanceOf(RuntimeException.class);

        assertThat(notifications().find(notification.id())).isEmpty();
    }

    /** Unregistering the device deletes its notifications; registered again, it starts without any. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void unregisteringTheDeviceDeletesItsNotifications() {
        AccountId owner = storedAccount();
        ProductId device = registered(owner);
        ProductId kept = registered(owner);
        EventNotification first = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());
        EventNotification second = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());
        EventNotification ofTheKept = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), kept,
                Examples.uniqueEmail());
        notifications().add(first);
        notifications().add(second);
        notifications().add(ofTheKept);

        assertThat(ports.deviceRegistrations().remove(device, owner)).isTrue();

        assertThat(notifications().ofDevice(device)).isEmpty();
        assertThat(notifications().find(first.id())).isEmpty();
        assertThat(notifications().find(second.id())).isEmpty();
        assertThat(notifications().ofDevice(kept)).containsExactly(ofTheKept);
        register(device, storedAccount());
        assertThat(notifications().ofDevice(device)).isEmpty();
    }

    /** Deleting the owner's account deletes its registrations, and with them their notifications. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheOwnersAccountDeletesTheNotificationsOfItsDevices() {
        AccountId owner = storedAccount();
        ProductId device = registered(owner);
        ProductId ofAnotherOwner = registered(storedAccount());
        EventNotification notification = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());
        EventNotification kept = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), ofAnotherOwner,
                Examples.uniqueEmail());
        notifications().add(notification);
        notifications().add(kept);

        ports.transactions().inTransaction(() -> ports.accounts().delete(owner));

        assertThat(notifications().find(notification.id())).isEmpty();
        assertThat(notifications().ofDevice(device)).isEmpty();
        assertThat(notifications().find(kept.id())).contains(kept);
    }

    /** Stored in a transaction that rolls back, a notification is not kept. */
    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void aNotificationAddedInATransactionThatRollsBackIsNotKept() {
        ProductId device = registered(storedAccount());
        EventNotification notification = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                Examples.uniqueEmail());

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            notifications().add(notification);
            assertThat(notifications().ofDevice(device)).containsExactly(notification);
            throw new IllegalStateException("the registration failed");
        })).hasMessage("the registration failed");

        assertThat(notifications().ofDevice(device)).isEmpty();
    }

    /** A device in the catalog, which every registration refers to. */
    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    /** A device of the catalog registered to {@code owner}. */
    private ProductId registered(AccountId owner) {
        ProductId device = catalogued();
        register(device, owner);
        return device;
    }

    private void register(ProductId device, AccountId owner) {
        assertThat(ports.deviceRegistrations().add(DeviceRegistration.registered(device, owner,
                ports.accounts().findById(owner).orElseThrow().companyId(), AT))).isTrue();
    }

    /**
     * Three fresh ids, the second the greatest and the third the smallest, however they are compared (as Java compares
     * them, with signs, or as the databases do, byte after byte): one random high half without its sign bit, and low
     * halves 2, 3 and 1. Stored in this order, they are read back in the order of neither their ids nor their reverse.
     */
    static List<NotificationId> idsOutOfOrder() {
        long high = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        return LongStream.of(2, 3, 1).mapToObj(low -> new NotificationId(new UUID(high, low))).toList();
    }
}
