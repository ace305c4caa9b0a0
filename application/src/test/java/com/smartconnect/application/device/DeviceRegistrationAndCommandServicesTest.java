package com.smartconnect.application.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.ClaimDeviceCommandsCommand;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.DeviceCommandCriteria;
import com.smartconnect.application.device.port.in.DeviceCommandResult;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.application.device.port.in.RebootOutletGroupCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityCommand;
import com.smartconnect.application.device.port.in.UnregisterDeviceCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceCommandOutbox;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.RegistrationsReadBefore;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.notification.NotificationRecipients;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.device.Sensitivity;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.session.SessionId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration, profile, reading and commands of devices, against in-memory ports and a clock to move. */
class DeviceRegistrationAndCommandServicesTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final String KEY = "7KQ2M9X4B1C8DZ";

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
    private final InMemoryDeviceCommandOutbox outbox = new InMemoryDeviceCommandOutbox();
    private final Set<AccountId> passedTwoFactor = new HashSet<>();
    private boolean resellerOffered = true;
    private final PlanService plans = new PlanService(clock, transactions, catalog, new InMemoryPlans(),
            FreePeriodPolicy.DEFAULT);
    private final InMemoryEventNotifications notifications = new InMemoryEventNotifications();
    private final DeviceRegistrationService devices = registeringWith(registrations);
    private final DeviceProfileService profiles = profilesReading(registrations);
    private final RegisteredDevicesService registered = new RegisteredDevicesService(accounts, catalog, states, events,
            registrations, outbox, plans);
    private final DeviceCommandService commands = commandsReading(registrations);

    private final CompanyId company = new CompanyId(UUID.randomUUID());
    private final AuthenticatedUser ada = member("ada@example.org", company);
    private final AuthenticatedUser grace = member("grace@example.org", company);
    private final AuthenticatedUser bob = member("bob@example.org", new CompanyId(UUID.randomUUID()));

    private AuthenticatedUser member(String email, CompanyId companyId) {
        Account account = new Account(new AccountId(UUID.randomUUID()), new EmailAddress(email),
                new PersonName("First", "Last"), new Country("GB"), "hash", companyId, false, clock.instant(),
                clock.instant());
        accounts.add(account);
        return new AuthenticatedUser(account.id(), new SessionId(UUID.randomUUID()), false);
    }

    private void connected(ProductId productId, boolean smartConnectEnabled) {
        catalog.save(CatalogEntry.manufactured(productId, new ProductKey(KEY), new DeviceSecret("s3cret-0123456789-abcdef-0123456789"),
                "SMT1500RMI2UC", "SN1", "APCRBC123", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1)));
        states.connected(productId, clock.instant());
        states.recordBirth(productId, new DeviceBirth("SMT1500RMI2UC", Optional.empty(), Optional.of("15.5"),
                smartConnectEnabled, Optional.empty(), Optional.empty(), List.of("MAIN", "SOG1"), clock.instant()));
    }

    private RegisterDeviceResult register(AuthenticatedUser user, String id, String key) {
        return devices.register(new RegisterDeviceCommand(user, new RegisterDeviceCommand.Codes(id, key)));
    }

    @Test
    void aRegisteredDeviceBelongsToItsOwnerAndIsReadByCoworkersOnly() {
        connected(UPS, true);

        RegisterDeviceResult result = register(ada, "as21 0412-3456", KEY.toLowerCase());

        assertThat(result).isInstanceOfSatisfying(RegisterDeviceResult.Registered.class, r -> {
            assertThat(r.offerReseller()).isTrue();
            assertThat(r.device().access()).isEqualTo(DeviceAccess.OWNER);
            assertThat(r.device().batteryReplaceBy()).as("APCRBC123 lasts 3 years").isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(r.device().plan()).as("its free monitoring period starts").contains("FREE_PERIOD");
        });
        assertThat(registered.device(new DeviceCriteria(grace, UPS.value())).orElseThrow().access())
                .isEqualTo(DeviceAccess.COWORKER);
        assertThat(registered.device(new DeviceCriteria(bob, UPS.value()))).isEmpty();
        assertThat(registered.devices(grace)).hasSize(1);
        assertThat(registered.devices(bob)).isEmpty();
        assertThat(register(bob, UPS.value(), KEY)).isInstanceOf(RegisterDeviceResult.RegisteredToAnotherAccount.class);
        assertThat(register(grace, UPS.value(), KEY)).as("a co-worker is another account too")
                .isInstanceOf(RegisterDeviceResult.RegisteredToAnotherAccount.class);
        assertThat(profiles.updateProfile(new UpdateDeviceProfileCommand(grace, UPS.value(), Optional.of("x"),
                Optional.empty(), Optional.empty(), Optional.empty()))).isInstanceOf(DeviceChangeResult.NotOwner.class);
        assertThat(devices.unregister(new UnregisterDeviceCommand(bob, UPS.value())))
                .isInstanceOf(DeviceChangeResult.NotFound.class);
        assertThat(devices.unregister(new UnregisterDeviceCommand(ada, UPS.value())))
                .isInstanceOf(DeviceChangeResult.Changed.class);
        assertThat(register(bob, UPS.value(), KEY)).isInstanceOf(RegisterDeviceResult.Registered.class);
    }

    @Test
    void registrationRefusesWhatCannotBeRegisteredYet() {
        connected(UPS, false);
        ProductId never = new ProductId("AS2104000009");
        catalog.save(CatalogEntry.manufactured(never, new ProductKey(KEY), new DeviceSecret("s3cret-0123456789-abcdef-0123456789"),
                "M", "SN", "SKU", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1)));
        resellerOffered = false;

        assertThat(register(ada, UPS.value(), KEY)).isInstanceOf(RegisterDeviceResult.SmartConnectNotEnabled.class);
        assertThat(register(ada, never.value(), KEY)).isInstanceOf(RegisterDeviceResult.NeverConnected.class);
        assertThat(register(ada, "AS21", "KEY")).isInstanceOfSatisfying(RegisterDeviceResult.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(e -> e.field()).containsExactly("productId", "productKey"));
        assertThat(devices.register(new RegisterDeviceCommand(ada, new RegisterDeviceCommand.QrUrl(
                "https://portal.example/devices/register?foo=1&productKey=" + KEY + "&productId=AS2104000009"))))
                .as("parameters in any order, unknown ones ignored")
                .isInstanceOf(RegisterDeviceResult.NeverConnected.class);
        connected(never, true);
        assertThat(devices.register(new RegisterDeviceCommand(ada, new RegisterDeviceCommand.QrUrl(
                "https://portal.example/devices/register?productId=AS2104000009&productKey=" + KEY))))
                .isInstanceOfSatisfying(RegisterDeviceResult.Registered.class, r -> assertThat(r.offerReseller()).isFalse());
    }

    @Test
    void failedCodesAreThrottledPerAccountUntilTheWindowPasses() {
        connected(UPS, true);
        for (int i = 0; i < DeviceRegistrationService.MAX_FAILURES; i++) {
            assertThat(register(ada, i % 2 == 0 ? "ZZ0000000000" : UPS.value(), "00000000000000"))
                    .isInstanceOf(RegisterDeviceResult.NotRecognised.class);
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(register(ada, UPS.value(), KEY)).isInstanceOfSatisfying(RegisterDeviceResult.Throttled.class,
                t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(register(bob, "ZZ0000000000", "00000000000000")).as("another account is not held back")
                .isInstanceOf(RegisterDeviceResult.NotRecognised.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(register(ada, UPS.value(), KEY)).isInstanceOf(RegisterDeviceResult.Registered.class);
    }

    @Test
    void theProfileIsValidatedAndKept() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);

        assertThat(profiles.updateProfile(new UpdateDeviceProfileCommand(ada, UPS.value(), Optional.of("Rack"),
                Optional.empty(), Optional.of("Nowhere/Else"), Optional.empty())))
                .isInstanceOf(DeviceChangeResult.Invalid.class);
        assertThat(profiles.updateProfile(new UpdateDeviceProfileCommand(ada, UPS.value(), Optional.of(" Rack "),
                Optional.of("Server room"), Optional.of("Asia/Tokyo"), Optional.of(false))))
                .isInstanceOfSatisfying(DeviceChangeResult.Changed.class, c -> {
                    assertThat(c.device().name()).contains("Rack");
                    assertThat(c.device().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
                    assertThat(c.device().notifications()).isFalse();
                });
        assertThat(registrations.find(UPS).orElseThrow().description()).contains("Server room");
    }

    @Test
    void theSensitivityIsKeptAndSentAsACommandThatTheAckSettles() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);

        DeviceCommandResult result = commands.setSensitivity(new SetDeviceSensitivityCommand(ada, UPS.value(), "low"));

        DeviceCommand issued = ((DeviceCommandResult.Issued) result).command();
        assertThat(issued.type()).isEqualTo(DeviceCommandType.SET_SENSITIVITY);
        assertThat(issued.argument()).isEqualTo("LOW");
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(registrations.find(UPS).orElseThrow().sensitivity()).isEqualTo(Sensitivity.LOW);
        assertThat(commands.setSensitivity(new SetDeviceSensitivityCommand(grace, UPS.value(), "HIGH")))
                .isInstanceOf(DeviceCommandResult.NotOwner.class);
        assertThat(commands.setSensitivity(new SetDeviceSensitivityCommand(ada, UPS.value(), "MAX")))
                .isInstanceOf(DeviceCommandResult.Invalid.class);

        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(new ProductId("AS2104999999")), 10)))
                .isEmpty();
        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(UPS), 10))).containsExactly(issued);
        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(UPS), 10))).as("leased").isEmpty();
        commands.delivered(issued.commandId());
        assertThat(registered.command(new DeviceCommandCriteria(ada, UPS.value(), issued.commandId())).orElseThrow()
                .state()).isEqualTo(DeviceCommandState.DELIVERED);
        commands.acknowledged(UPS, new CommandAck(issued.commandId(), false, Optional.of("not supported"),
                Optional.empty()));
        DeviceCommand settled = registered.command(new DeviceCommandCriteria(grace, UPS.value(), issued.commandId()))
                .orElseThrow();
        assertThat(settled.state()).isEqualTo(DeviceCommandState.FAILED);
        assertThat(settled.message()).contains("not supported");
        assertThat(registered.command(new DeviceCommandCriteria(bob, UPS.value(), issued.commandId()))).isEmpty();
    }

    @Test
    void anOutletGroupIsRebootedOnlyByTheOwnerWithTwoFactorAndACommandForAnOfflineDeviceExpires() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        RebootOutletGroupCommand reboot = new RebootOutletGroupCommand(ada, UPS.value(), "SOG1");

        assertThat(commands.reboot(reboot)).isInstanceOf(DeviceCommandResult.TwoFactorRequired.class);
        assertThat(commands.reboot(new RebootOutletGroupCommand(bob, UPS.value(), "SOG1")))
                .isInstanceOf(DeviceCommandResult.NotFound.class);
        assertThat(commands.reboot(new RebootOutletGroupCommand(grace, UPS.value(), "SOG1")))
                .isInstanceOf(DeviceCommandResult.NotOwner.class);
        passedTwoFactor.add(ada.accountId());
        assertThat(commands.reboot(new RebootOutletGroupCommand(ada, UPS.value(), "SOG7")))
                .isInstanceOfSatisfying(DeviceCommandResult.UnknownOutletGroup.class,
                        u -> assertThat(u.outletGroups()).containsExactly("MAIN", "SOG1"));
        DeviceCommand issued = ((DeviceCommandResult.Issued) commands.reboot(reboot)).command();
        assertThat(issued.argument()).isEqualTo("SOG1");

        clock.advance(Duration.ofHours(23));
        assertThat(commands.expireOverdue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(commands.expireOverdue()).isEqualTo(1);
        assertThat(outbox.find(issued.commandId()).orElseThrow().state()).isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(UPS), 10))).isEmpty();
    }

    @Test
    void aRegistrationStartsTheFreePeriodAndRemoteRebootNeedsAPlanThatIncludesIt() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        passedTwoFactor.add(ada.accountId());
        assertThat(plans.planOf(UPS).orElseThrow().plan()).isEqualTo(Plan.FREE_PERIOD);
        assertThat(registered.device(new DeviceCriteria(ada, UPS.value())).orElseThrow().plan())
                .contains("FREE_PERIOD");
        RebootOutletGroupCommand reboot = new RebootOutletGroupCommand(ada, UPS.value(), "SOG1");
        assertThat(commands.reboot(reboot)).isInstanceOf(DeviceCommandResult.Issued.class);

        assertThat(plans.change(new ChangePlanCommand(UPS.value(), "STANDARD", Optional.of("2027-12-31"), "store")))
                .isInstanceOf(ChangePlanResult.Changed.class);
        assertThat(commands.reboot(reboot)).isEqualTo(new DeviceCommandResult.PlanDoesNotInclude(Plan.STANDARD));
        clock.advance(Duration.ofDays(800));
        assertThat(commands.reboot(reboot)).as("after the plan ended: Basic")
                .isEqualTo(new DeviceCommandResult.PlanDoesNotInclude(Plan.BASIC));
    }

    @Test
    void aRebootIssuedOnTheFreePeriodIsNotSentOnceThePlanNoLongerIncludesIt() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        passedTwoFactor.add(ada.accountId());
        DeviceCommand reboot = ((DeviceCommandResult.Issued) commands.reboot(
                new RebootOutletGroupCommand(ada, UPS.value(), "SOG1"))).command();
        DeviceCommand sensitivity = ((DeviceCommandResult.Issued) commands.setSensitivity(
                new SetDeviceSensitivityCommand(ada, UPS.value(), "HIGH"))).command();
        assertThat(plans.change(new ChangePlanCommand(UPS.value(), "STANDARD", Optional.of("2027-12-31"), "store")))
                .isInstanceOf(ChangePlanResult.Changed.class);

        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(UPS), 10)))
                .extracting(DeviceCommand::commandId)
                .containsExactly(sensitivity.commandId());

        DeviceCommand withdrawn = outbox.find(reboot.commandId()).orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(withdrawn.message()).contains(DeviceCommandService.WITHDRAWN_PLAN);
    }

    /** Ada's requests read the device just before she unregistered it (another tab) and Bob registered it. */
    @Test
    void aProfileOrSensitivityChangeThatRacedWithTheDeviceGoingToAnotherAccountFindsTheDeviceGone() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        RegistrationsReadBefore readBefore = new RegistrationsReadBefore(registrations,
                registrations.find(UPS).orElseThrow());
        devices.unregister(new UnregisterDeviceCommand(ada, UPS.value()));
        register(bob, UPS.value(), KEY);
        DeviceRegistration bobs = registrations.find(UPS).orElseThrow();

        assertThat(profilesReading(readBefore).updateProfile(new UpdateDeviceProfileCommand(ada, UPS.value(),
                Optional.of("Ada's rack"), Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(DeviceChangeResult.NotFound.class);
        assertThat(commandsReading(readBefore).setSensitivity(new SetDeviceSensitivityCommand(ada, UPS.value(), "HIGH")))
                .isInstanceOf(DeviceCommandResult.NotFound.class);

        assertThat(registrations.find(UPS)).contains(bobs);
        assertThat(outbox.all()).isEmpty();
    }

    /** A sensitivity change that read the device before a profile change keeps that profile change. */
    @Test
    void aSensitivityChangeKeepsAProfileChangeMadeSinceItReadTheDevice() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        RegistrationsReadBefore readBefore = new RegistrationsReadBefore(registrations,
                registrations.find(UPS).orElseThrow());
        profiles.updateProfile(new UpdateDeviceProfileCommand(ada, UPS.value(), Optional.of("Rack 4"), Optional.empty(),
                Optional.empty(), Optional.of(false)));

        assertThat(commandsReading(readBefore).setSensitivity(new SetDeviceSensitivityCommand(ada, UPS.value(), "HIGH")))
                .isInstanceOf(DeviceCommandResult.Issued.class);

        DeviceRegistration saved = registrations.find(UPS).orElseThrow();
        assertThat(saved.sensitivity()).isEqualTo(Sensitivity.HIGH);
        assertThat(saved.name()).contains("Rack 4");
        assertThat(saved.notifications()).isFalse();
    }

    private DeviceRegistrationService registeringWith(DeviceRegistrationRepository registrations) {
        return new DeviceRegistrationService(clock, transactions, accounts, catalog, states, registrations,
                new InMemoryLoginFailures(), customer -> resellerOffered, plans,
                new NotificationRecipients(registrations, notifications, new ScriptedRandomSource()));
    }

    private DeviceProfileService profilesReading(DeviceRegistrationRepository registrations) {
        return new DeviceProfileService(transactions, accounts, catalog, states, registrations, plans);
    }

    private DeviceCommandService commandsReading(DeviceRegistrationRepository registrations) {
        return new DeviceCommandService(clock, new ScriptedRandomSource(), transactions, accounts, catalog, states,
                registrations, outbox, user -> passedTwoFactor.contains(user.accountId()),
                new DeviceCommandPolicy(Duration.ofHours(24), Duration.ofSeconds(30)), plans);
    }

    @Test
    void aCommandIsNotSentOnceItsIssuerNoLongerOwnsTheDevice() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        DeviceCommand issued = ((DeviceCommandResult.Issued) commands.setSensitivity(
                new SetDeviceSensitivityCommand(ada, UPS.value(), "HIGH"))).command();
        devices.unregister(new UnregisterDeviceCommand(ada, UPS.value()));
        register(bob, UPS.value(), KEY);

        assertThat(commands.claim(new ClaimDeviceCommandsCommand(List.of(UPS), 10))).isEmpty();

        DeviceCommand withdrawn = outbox.find(issued.commandId()).orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(withdrawn.message()).contains(DeviceCommandService.WITHDRAWN);
    }

    @Test
    void theEventLogIsPagedNewestFirstWithAnOpaqueCursor() {
        connected(UPS, true);
        register(ada, UPS.value(), KEY);
        for (int i = 0; i < 7; i++) {
            events.add(DeviceEvent.reported(UPS, "e" + i, "ON_BATTERY", clock.instant().plusSeconds(i),
                    clock.instant(), "{}"));
        }
        DeviceEventPage first = registered.events(new DeviceEventCriteria(grace, UPS.value(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 3, Optional.empty())).orElseThrow();
        assertThat(first.events()).extracting(DeviceEvent::eventId).containsExactly("e6", "e5", "e4");
        DeviceEventPage second = registered.events(new DeviceEventCriteria(grace, UPS.value(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 3, first.next())).orElseThrow();
        assertThat(second.events()).extracting(DeviceEvent::eventId).containsExactly("e3", "e2", "e1");
        DeviceEventPage last = registered.events(new DeviceEventCriteria(grace, UPS.value(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 3, second.next())).orElseThrow();
        assertThat(last.events()).extracting(DeviceEvent::eventId).containsExactly("e0");
        assertThat(last.next()).isEmpty();
        assertThat(registered.events(new DeviceEventCriteria(bob, UPS.value(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 3, Optional.empty()))).isEmpty();
        assertThat(registered.events(new DeviceEventCriteria(ada, UPS.value(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 3, Optional.of("!!")))).isEmpty();
    }
}
