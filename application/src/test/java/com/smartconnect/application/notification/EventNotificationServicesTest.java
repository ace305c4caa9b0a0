package com.smartconnect.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.DeviceProfileService;
import com.smartconnect.application.device.DeviceRegistrationService;
import com.smartconnect.application.device.RegisteredDevicesService;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.application.device.port.in.UnregisterDeviceCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceCommandOutbox;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryNotificationTargets;
import com.smartconnect.application.fake.InMemoryNotificationThrottles;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.application.fake.RecordingCommandAcknowledgements;
import com.smartconnect.application.fake.RegistrationsReadBefore;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.notification.port.in.CreateNotificationCommand;
import com.smartconnect.application.notification.port.in.DeleteNotificationCommand;
import com.smartconnect.application.notification.port.in.EnableNotificationsCommand;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.application.notification.port.in.NotificationInput;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsView;
import com.smartconnect.application.notification.port.in.UpdateNotificationCommand;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationThrottle;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Event Notifications from stored events to queued mails: settings, delivery, the throttle, and the mail links. */
class EventNotificationServicesTest {

    static final String KEY = "7KQ2M9X4B1C8DZ";
    static final ProductId UPS = new ProductId("AS2104123456");

    /** One world: the services of one instance over in-memory ports; {@link #secondInstance} shares its ports. */
    static final class World {
        /** Below the millisecond, as the system clock is: the throttle and the enable link work to the millisecond. */
        final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00.123456789Z");
        final DirectTransactions transactions = new DirectTransactions();
        final InMemoryAccounts accounts = new InMemoryAccounts();
        final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
        final InMemoryDeviceStates states = new InMemoryDeviceStates();
        final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
        final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
        final InMemoryPlans planRepository = new InMemoryPlans();
        final InMemoryEventNotifications notifications = new InMemoryEventNotifications();
        final InMemoryNotificationThrottles throttles = new InMemoryNotificationThrottles();
        final InMemoryMailOutbox mails = new InMemoryMailOutbox();
        final PlainLinkSigner signer = new PlainLinkSigner();
        final ScriptedRandomSource random = new ScriptedRandomSource();
        final InMemoryNotificationTargets targets = new InMemoryNotificationTargets(registrations, accounts,
                planRepository, notifications);
        final PlanService plans = new PlanService(clock, transactions, catalog, planRepository, FreePeriodPolicy.DEFAULT);
        final DeviceRegistrationService devices = new DeviceRegistrationService(clock, transactions, accounts, catalog,
                states, registrations, new InMemoryLoginFailures(), customer -> false, plans,
                new NotificationRecipients(registrations, notifications, random));
        final DeviceProfileService profiles = new DeviceProfileService(transactions, accounts, catalog, states,
                registrations, plans);
        final RegisteredDevicesService registered = new RegisteredDevicesService(accounts, catalog, states, events,
                registrations, new InMemoryDeviceCommandOutbox(), plans);
        final NotificationSettingsService settings = new NotificationSettingsService(clock, random, transactions,
                accounts, registrations, catalog, states, plans, notifications, throttles);
        final NotificationLinkService links = new NotificationLinkService(clock, transactions, notifications, targets,
                throttles, signer);
        final DeviceIngestService ingest = ingest();
        final AtomicInteger eventIds = new AtomicInteger();
        final CompanyId company = new CompanyId(UUID.randomUUID());
        final AuthenticatedUser ada = member("ada@example.org", company);

        DeviceIngestService ingest() {
            return new DeviceIngestService(clock, transactions, states, events, new RecordingCommandAcknowledgements(),
                    new DeviceMessageCounters(), new EventNotificationDelivery(random, targets, throttles, mails, signer));
        }

        /** The ingest of another server instance: its own services over the same database. */
        DeviceIngestService secondInstance() {
            return ingest();
        }

        AuthenticatedUser member(String email, CompanyId companyId) {
            Account account = new Account(new AccountId(UUID.randomUUID()), new EmailAddress(email),
                    new PersonName("Ada", "Lovelace"), new Country("GB"), "hash", companyId, false, clock.instant(),
                    clock.instant());
            accounts.add(account);
            return new AuthenticatedUser(account.id(), new SessionId(UUID.randomUUID()), false);
        }

        void registered(ProductId productId, AuthenticatedUser owner) {
            catalog.save(CatalogEntry.manufactured(productId, new ProductKey(KEY),
                    new DeviceSecret("s3cret-0123456789-abcdef-0123456789"), "SMT1500RMI2UC", "SN1", "APCRBC123",
                    LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1)));
            states.connected(productId, clock.instant());
            states.recordBirth(productId, new DeviceBirth("SMT1500RMI2UC", Optional.empty(), Optional.of("15.5"),
                    true, Optional.empty(), Optional.empty(), List.of("MAIN"), clock.instant()));
            RegisterDeviceResult result = devices.register(new RegisterDeviceCommand(owner,
                    new RegisterDeviceCommand.Codes(productId.value(), KEY)));
            assertThat(result).isInstanceOf(RegisterDeviceResult.Registered.class);
            profiles.updateProfile(new UpdateDeviceProfileCommand(owner, productId.value(), Optional.of("Server room"),
                    Optional.empty(), Optional.of("Europe/Paris"), Optional.empty()));
        }

        IncomingDeviceMessage event(ProductId productId, String type) {
            return new IncomingDeviceMessage(productId, new DeviceMessage.Event("e-" + eventIds.incrementAndGet(), type,
                    clock.instant(), "{}"));
        }

        void report(ProductId productId, String type) {
            ingest.ingest(List.of(event(productId, type)));
        }

        List<OutgoingMail> mails(MailTemplate template) {
            return mails.all().stream().filter(m -> m.template() == template).toList();
        }

        void onPlan(ProductId productId, String plan) {
            plans.change(new ChangePlanCommand(productId.value(), plan,
                    plan.equals("BASIC") ? Optional.empty() : Optional.of("2027-12-31"), "store"));
        }
    }

    private final World world = new World();

    @Test
    void aNewDeviceMailsItsOwnerAboutWarningAndCriticalEventsOnly() {
        world.registered(UPS, world.ada);

        NotificationSettingsView settings = world.settings.settings(new DeviceCriteria(world.ada, UPS.value()))
                .orElseThrow();
        assertThat(settings.notifications()).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly(new EmailAddress("ada@example.org"));
            assertThat(n.severities()).extracting(Enum::name).containsExactlyInAnyOrder("WARNING", "CRITICAL");
            assertThat(n.email()).isTrue();
        });
        assertThat(settings.plan()).isEqualTo("FREE_PERIOD");
        assertThat(settings.sentOnPlan()).isTrue();
        assertThat(settings.notice()).isEmpty();

        world.report(UPS, "POWER_RESTORED");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).as("info events are not in the default").isEmpty();
        world.report(UPS, "ON_BATTERY");

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(new EmailAddress("ada@example.org"));
            assertThat(mail.values()).containsEntry("deviceName", "Server room")
                    .containsEntry("eventTitle", "On battery")
                    .containsEntry("severity", "Warning")
                    .containsEntry("occurredAt", "20 Nov 2026, 09:00")
                    .containsEntry("timeZone", "Europe/Paris")
                    .containsEntry("productId", UPS.value());
            assertThat(mail.values().get("advice")).contains("runs on battery");
            assertThat(world.links.unsubscription(mail.values().get("unsubscribeToken"))).contains(
                    new NotificationLinkUseCase.Unsubscription(UPS, "Server room", "ada@example.org", true));
        });
    }

    @Test
    void aRedeliveredEventIsNotMailedAgain() {
        world.registered(UPS, world.ada);
        IncomingDeviceMessage event = world.event(UPS, "OVERLOAD");

        world.ingest.ingest(List.of(event));
        world.ingest.ingest(List.of(event, event));

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(1);
    }

    @Test
    void onBasicNothingIsMailedNothingNewIsLoggedAndTheSettingsSaySo() {
        world.registered(UPS, world.ada);
        world.report(UPS, "POWER_RESTORED");
        world.clock.advance(Duration.ofMinutes(1));
        world.onPlan(UPS, "BASIC");
        world.clock.advance(Duration.ofMinutes(1));

        world.report(UPS, "ON_BATTERY");

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).isEmpty();
        assertThat(world.events.eventsOf(UPS)).as("the event is stored all the same").hasSize(2);
        assertThat(eventLog()).as("but the log takes no new entries on Basic").containsExactly("POWER_RESTORED");
        NotificationSettingsView settings = world.settings.settings(new DeviceCriteria(world.ada, UPS.value()))
                .orElseThrow();
        assertThat(settings.sentOnPlan()).isFalse();
        assertThat(settings.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .contains("check that your device is on a Standard or Advanced plan"));
        assertThat(settings.notifications()).as("kept").hasSize(1);

        world.onPlan(UPS, "STANDARD");
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(1);
        assertThat(eventLog()).hasSize(3);
    }

    private List<String> eventLog() {
        return world.registered.events(new DeviceEventCriteria(world.ada, UPS.value(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 50, Optional.empty())).orElseThrow().events().stream()
                .map(DeviceEvent::type).toList();
    }

    @Test
    void theProfileSwitchTurnsThemOff() {
        world.registered(UPS, world.ada);
        world.profiles.updateProfile(new UpdateDeviceProfileCommand(world.ada, UPS.value(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(false)));

        world.report(UPS, "ON_BATTERY");

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).isEmpty();
        assertThat(world.settings.settings(new DeviceCriteria(world.ada, UPS.value())).orElseThrow().notice())
                .contains(NotificationSettingsService.SWITCHED_OFF);
    }

    @Test
    void theSeventhWithinThirtyMinutesDisablesThemForSevenDaysWithOneAlert() {
        world.registered(UPS, world.ada);
        for (int i = 0; i < 20; i++) {
            world.report(UPS, "ON_BATTERY");
            world.clock.advance(Duration.ofMinutes(1));
        }

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(6);
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATIONS_DISABLED)).singleElement().satisfies(alert -> {
            assertThat(alert.to()).isEqualTo(new EmailAddress("ada@example.org"));
            assertThat(alert.values()).containsEntry("maxNotifications", "6").containsEntry("windowMinutes", "30")
                    .containsEntry("disabledDays", "7").containsEntry("disabledUntil", "27 Nov 2026, 09:06");
        });
        assertThat(world.events.eventsOf(UPS)).hasSize(20);
        assertThat(world.settings.settings(new DeviceCriteria(world.ada, UPS.value())).orElseThrow().disabledUntil())
                .isPresent();

        world.clock.advance(Duration.ofDays(7));
        assertThat(world.links.reenableDue()).isEqualTo(1);
        assertThat(world.links.reenableDue()).as("once").isZero();
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(7);
    }

    @Test
    void theAlertsLinkEnablesThemAtOnceAndOnlyOnce() {
        world.registered(UPS, world.ada);
        for (int i = 0; i < 7; i++) {
            world.report(UPS, "ON_BATTERY");
        }
        String token = world.mails(MailTemplate.EVENT_NOTIFICATIONS_DISABLED).get(0).values().get("enableToken");
        NotificationLinkUseCase.Enabling before = world.links.enabling(token).orElseThrow();
        assertThat(before.disabledUntil()).isPresent();
        assertThat(before.deviceName()).isEqualTo("Server room");
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).as("reading the link changed nothing").hasSize(6);

        assertThat(world.links.enable(token).orElseThrow().disabledUntil()).isEmpty();
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(7);
        assertThat(world.links.enabling(token).orElseThrow().disabledUntil()).as("spent").isEmpty();

        // A new flood disables them again; the old link does not end the new disabling.
        world.clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 6; i++) {
            world.report(UPS, "ON_BATTERY");
        }
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATIONS_DISABLED)).hasSize(2);
        NotificationLinkUseCase.Enabling stale = world.links.enable(token).orElseThrow();
        assertThat(stale.disabledUntil()).isPresent();
        assertThat(stale.ofThisLink()).isFalse();
        assertThat(world.links.enabling(token).orElseThrow().ofThisLink()).isFalse();
        world.clock.advance(Duration.ofHours(1));
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(12);
        assertThat(world.links.enable("event-notification-unsubscribe~" + UPS.value() + "/x")).as("wrong purpose")
                .isEmpty();
    }

    @Test
    void unsubscribingStopsTheAddressAndCreatingANotificationSubscribesItAgain() {
        world.registered(UPS, world.ada);
        world.report(UPS, "ON_BATTERY");
        String token = world.mails(MailTemplate.EVENT_NOTIFICATION).get(0).values().get("unsubscribeToken");

        assertThat(world.links.unsubscription(token).orElseThrow().subscribed()).isTrue();
        assertThat(world.links.unsubscribe(token).orElseThrow().subscribed()).isFalse();
        assertThat(world.links.unsubscribe(token)).as("again: nothing more to do").hasValueSatisfying(u ->
                assertThat(u.subscribed()).isFalse());
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(1);

        NotificationChangeResult created = world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(),
                new NotificationInput(List.of("ada@example.org"), List.of("critical"), List.of("ON_BATTERY"), true)));
        assertThat(created).isInstanceOf(NotificationChangeResult.Changed.class);
        world.report(UPS, "ON_BATTERY");
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(2);
        assertThat(world.links.unsubscribe("not a token")).isEmpty();
    }

    @Test
    void eachRecipientGetsOneMailWhateverNumberOfItsNotificationsMatch() {
        world.registered(UPS, world.ada);
        world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(), new NotificationInput(
                List.of("Ops@Example.org", "ada@example.org"), List.of(), List.of("ON_BATTERY"), true)));

        world.report(UPS, "ON_BATTERY");
        world.report(UPS, "OVERLOAD");

        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).extracting(m -> m.to().value() + " " + m.values()
                .get("eventType")).containsExactlyInAnyOrder("ada@example.org ON_BATTERY", "ops@example.org ON_BATTERY",
                "ada@example.org OVERLOAD");
    }

    /**
     * Ada's request read the registration just before she unregistered the device (in another tab) and Bob registered
     * it: the notification with her address must not land on Bob's device.
     */
    @Test
    void aChangeThatRacedWithTheDeviceGoingToAnotherAccountFindsTheDeviceGone() {
        world.registered(UPS, world.ada);
        DeviceRegistration seenByAda = world.registrations.find(UPS).orElseThrow();
        NotificationSettingsService adasRequest = new NotificationSettingsService(world.clock, world.random,
                world.transactions, world.accounts, new RegistrationsReadBefore(world.registrations, seenByAda), world.catalog,
                world.states, world.plans, world.notifications, world.throttles);
        world.devices.unregister(new UnregisterDeviceCommand(world.ada, UPS.value()));
        AuthenticatedUser bob = world.member("bob@example.org", new CompanyId(UUID.randomUUID()));
        world.registered(UPS, bob);
        List<EventNotification> ofBobsDevice = world.notifications.ofDevice(UPS);

        assertThat(adasRequest.create(new CreateNotificationCommand(world.ada, UPS.value(),
                new NotificationInput(List.of("ada@example.org"), List.of(), List.of("ON_BATTERY"), true))))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);
        assertThat(adasRequest.enable(new EnableNotificationsCommand(world.ada, UPS.value())))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);

        assertThat(world.notifications.ofDevice(UPS)).isEqualTo(ofBobsDevice);
    }

    @Test
    void onlyTheOwnerManagesAndInputIsChecked() {
        world.registered(UPS, world.ada);
        AuthenticatedUser coworker = world.member("grace@example.org", world.company);
        AuthenticatedUser stranger = world.member("bob@example.org", new CompanyId(UUID.randomUUID()));
        NotificationInput input = new NotificationInput(List.of("x@example.org"), List.of("INFO"), List.of(), true);
        String id = world.notifications.ofDevice(UPS).get(0).id().toString();

        assertThat(world.settings.settings(new DeviceCriteria(coworker, UPS.value()))).isPresent();
        assertThat(world.settings.create(new CreateNotificationCommand(coworker, UPS.value(), input)))
                .isInstanceOf(NotificationChangeResult.NotOwner.class);
        assertThat(world.settings.update(new UpdateNotificationCommand(coworker, UPS.value(), id, input)))
                .isInstanceOf(NotificationChangeResult.NotOwner.class);
        assertThat(world.settings.delete(new DeleteNotificationCommand(coworker, UPS.value(), id)))
                .isInstanceOf(NotificationChangeResult.NotOwner.class);
        assertThat(world.settings.enable(new EnableNotificationsCommand(coworker, UPS.value())))
                .isInstanceOf(NotificationChangeResult.NotOwner.class);
        assertThat(world.settings.settings(new DeviceCriteria(stranger, UPS.value()))).isEmpty();
        assertThat(world.settings.create(new CreateNotificationCommand(stranger, UPS.value(), input)))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);
        assertThat(world.settings.update(new UpdateNotificationCommand(world.ada, UPS.value(),
                UUID.randomUUID().toString(), input)))
                .isInstanceOf(NotificationChangeResult.NotificationNotFound.class);
        assertThat(world.settings.delete(new DeleteNotificationCommand(world.ada, UPS.value(), "not-a-uuid")))
                .isInstanceOf(NotificationChangeResult.NotificationNotFound.class);

        NotificationChangeResult invalid = world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(),
                new NotificationInput(List.of("not an address"), List.of("LOUD"), List.of("on battery"), true)));
        assertThat(invalid).isInstanceOfSatisfying(NotificationChangeResult.Invalid.class, i ->
                assertThat(i.errors()).extracting(e -> e.field() + " " + e.code()).containsExactly(
                        "recipients[0] INVALID_EMAIL", "severities[0] INVALID_SEVERITY"));
        assertThat(world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(),
                new NotificationInput(List.of("x@example.org"), List.of(), List.of(), true))))
                .isInstanceOfSatisfying(NotificationChangeResult.Invalid.class, i ->
                assertThat(i.errors()).extracting(e -> e.field() + " " + e.code())
                        .containsExactly("severities NO_EVENTS_SELECTED"));

        assertThat(world.settings.update(new UpdateNotificationCommand(world.ada, UPS.value(), id, input)))
                .isInstanceOfSatisfying(
                NotificationChangeResult.Changed.class, c -> assertThat(c.settings().notifications()).singleElement()
                        .satisfies(n -> assertThat(n.recipients()).containsExactly(new EmailAddress("x@example.org"))));
        assertThat(world.settings.delete(new DeleteNotificationCommand(world.ada, UPS.value(), id)))
                .isInstanceOfSatisfying(
                NotificationChangeResult.Changed.class, c -> assertThat(c.settings().notifications()).isEmpty());
        for (int i = 0; i < 20; i++) {
            world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(), input));
        }
        assertThat(world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(), input)))
                .isInstanceOf(NotificationChangeResult.TooMany.class);
    }

    @Test
    void aNotificationOfAnotherDeviceIsNotFoundThroughThisOneAndStrangersChangeNothing() {
        ProductId other = new ProductId("AS2104123457");
        world.registered(UPS, world.ada);
        world.registered(other, world.ada);
        AuthenticatedUser stranger = world.member("bob@example.org", new CompanyId(UUID.randomUUID()));
        String othersId = world.notifications.ofDevice(other).get(0).id().toString();
        NotificationInput input = new NotificationInput(List.of("x@example.org"), List.of("INFO"), List.of(), true);

        assertThat(world.settings.update(new UpdateNotificationCommand(world.ada, UPS.value(), othersId, input)))
                .isInstanceOf(NotificationChangeResult.NotificationNotFound.class);
        assertThat(world.settings.delete(new DeleteNotificationCommand(world.ada, UPS.value(), othersId)))
                .isInstanceOf(NotificationChangeResult.NotificationNotFound.class);
        assertThat(world.settings.update(new UpdateNotificationCommand(stranger, other.value(), othersId, input)))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);
        assertThat(world.settings.delete(new DeleteNotificationCommand(stranger, other.value(), othersId)))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);
        assertThat(world.settings.enable(new EnableNotificationsCommand(stranger, other.value())))
                .isInstanceOf(NotificationChangeResult.DeviceNotFound.class);
        assertThat(world.notifications.ofDevice(other)).singleElement().satisfies(n ->
                assertThat(n.recipients()).containsExactly(new EmailAddress("ada@example.org")));
    }

    @Test
    void aCreateAnswersTheIdOfTheNewNotification() {
        world.registered(UPS, world.ada);

        NotificationChangeResult created = world.settings.create(new CreateNotificationCommand(world.ada, UPS.value(),
                new NotificationInput(List.of("ops@example.org"), List.of("CRITICAL"), List.of(), true)));

        assertThat(created).isInstanceOfSatisfying(NotificationChangeResult.Changed.class, c ->
                assertThat(c.created()).isPresent().get().isIn(c.settings().notifications().stream()
                        .filter(n -> n.recipients().contains(new EmailAddress("ops@example.org")))
                        .map(n -> n.id()).toList()));
    }

    @Test
    void theOwnerEnablesThemFromTheSettingsToo() {
        world.registered(UPS, world.ada);
        for (int i = 0; i < 7; i++) {
            world.report(UPS, "ON_BATTERY");
        }
        assertThat(world.throttles.find(UPS).isDisabledAt(world.clock.instant())).isTrue();

        assertThat(world.settings.enable(new EnableNotificationsCommand(world.ada, UPS.value())))
                .isInstanceOfSatisfying(
                NotificationChangeResult.Changed.class, c -> assertThat(c.settings().disabledUntil()).isEmpty());
        assertThat(world.throttles.find(UPS)).isEqualTo(NotificationThrottle.FRESH);
    }

    @Test
    void twoInstancesSharingTheDatabaseKeepOneCountPerDevice() {
        world.registered(UPS, world.ada);
        DeviceIngestService other = world.secondInstance();
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? world.ingest : other).ingest(List.of(world.event(UPS, "ON_BATTERY")));
        }
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATION)).hasSize(6);
        assertThat(world.mails(MailTemplate.EVENT_NOTIFICATIONS_DISABLED)).hasSize(1);
    }

}
