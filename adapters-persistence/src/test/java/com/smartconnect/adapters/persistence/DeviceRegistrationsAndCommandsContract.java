package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Sensitivity;
import com.smartconnect.domain.device.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class DeviceRegistrationsAndCommandsContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-20T08:16:30.123456Z");

    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    private CompanyId companyOf(AccountId account) {
        return ports.accounts().findById(account).orElseThrow().companyId();
    }

    @Test
    void theOwnerOfARegisteredDeviceIsItsRegistrantWithTheNameTheyGaveIt() {
        ProductId ups = catalogued();
        AccountId owner = storedAccount();
        assertThat(ports.deviceOwners().ownerOf(ups)).as("not registered").isEmpty();
        DeviceRegistration registration = DeviceRegistration.registered(ups, owner, companyOf(owner), AT);
        ports.deviceRegistrations().add(registration);

        var unnamed = ports.deviceOwners().ownerOf(ups).orElseThrow();
        var account = ports.accounts().findById(owner).orElseThrow();
        assertThat(unnamed.accountId()).isEqualTo(owner);
        assertThat(unnamed.email()).isEqualTo(account.email());
        assertThat(unnamed.firstName()).isEqualTo(account.name().first());
        assertThat(unnamed.deviceName()).as("called by its Product ID until named").isEqualTo(ups.value());
        ports.deviceRegistrations().update(registration.withProfile(Optional.of("Rack 4"), Optional.empty(),
                ZoneId.of("Europe/Paris"), true));
        assertThat(ports.deviceOwners().ownerOf(ups).orElseThrow().deviceName()).isEqualTo("Rack 4");
    }

    @Test
    void aDeviceIsRegisteredOnceAndItsProfileIsKept() {
        ProductId ups = catalogued();
        AccountId owner = storedAccount();
        AccountId other = storedAccount();
        DeviceRegistration registration = DeviceRegistration.registered(ups, owner, companyOf(owner), AT);

        assertThat(ports.deviceRegistrations().add(registration)).isTrue();
        assertThat(ports.deviceRegistrations().add(DeviceRegistration.registered(ups, other, companyOf(other), AT)))
                .isFalse();
        DeviceRegistration named = registration.withProfile(Optional.of("Rack 4"), Optional.of("Server room"),
                ZoneId.of("Europe/Paris"), false).withSensitivity(Sensitivity.HIGH);
        ports.deviceRegistrations().update(named);

        assertThat(ports.deviceRegistrations().find(ups)).contains(named);
        assertThat(ports.deviceRegistrations().ofCompany(companyOf(owner))).containsExactly(named);
        assertThat(ports.deviceRegistrations().ofCompany(companyOf(other))).isEmpty();
        assertThat(ports.deviceRegistrations().remove(ups, other)).as("registered to another account").isFalse();
        assertThat(ports.deviceRegistrations().find(ups)).contains(named);
        assertThat(ports.deviceRegistrations().remove(ups, owner)).isTrue();
        assertThat(ports.deviceRegistrations().find(ups)).isEmpty();
        assertThat(ports.deviceRegistrations().remove(ups, owner)).isFalse();
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheOwnersAccountFreesItsDevices() {
        ProductId ups = catalogued();
        AccountId owner = storedAccount();
        ports.deviceRegistrations().add(DeviceRegistration.registered(ups, owner, companyOf(owner), AT));

        ports.transactions().inTransaction(() -> ports.accounts().delete(owner));

        assertThat(ports.deviceRegistrations().find(ups)).isEmpty();
    }

    @Test
    void commandsAreClaimedOnceDeliveredSettledAndExpired() {
        ProductId ups = catalogued();
        ProductId offline = catalogued();
        AccountId owner = storedAccount();
        DeviceCommand reboot = command(ups, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG1", AT);
        DeviceCommand sensitivity = command(ups, DeviceCommandType.SET_SENSITIVITY, "LOW", AT.plusSeconds(1));
        DeviceCommand waiting = command(offline, DeviceCommandType.SET_SENSITIVITY, "HIGH", AT);
        ports.transactions().inTransaction(() -> {
            ports.deviceCommands().add(reboot);
            ports.deviceCommands().add(sensitivity);
            ports.deviceCommands().add(waiting);
            return null;
        });

        List<DeviceCommand> claimed = ports.deviceCommands().claimPending(List.of(ups), AT.plusSeconds(2), 10,
                Duration.ofSeconds(30));
        assertThat(claimed).extracting(DeviceCommand::commandId)
                .containsExactly(reboot.commandId(), sensitivity.commandId());
        assertThat(ports.deviceCommands().claimPending(List.of(ups), AT.plusSeconds(3), 10, Duration.ofSeconds(30)))
                .isEmpty();
        assertThat(ports.deviceCommands().claimPending(List.of(ups), AT.plusSeconds(40), 1, Duration.ofSeconds(30)))
                .extracting(DeviceCommand::commandId).containsExactly(reboot.commandId());

        assertThat(ports.deviceCommands().markDelivered(reboot.commandId(), AT.plusSeconds(41))).isTrue();
        assertThat(ports.deviceCommands().markDelivered(reboot.commandId(), AT.plusSeconds(42))).isFalse();
        assertThat(ports.deviceCommands().settle(offline, reboot.commandId(), DeviceCommandState.OK,
                Optional.empty(), AT.plusSeconds(43))).isFalse();
        assertThat(ports.deviceCommands().settle(ups, reboot.commandId(), DeviceCommandState.OK,
                Optional.of("outlet group SOG1 rebooted"), AT.plusSeconds(43))).isTrue();
        assertThat(ports.deviceCommands().settle(ups, sensitivity.commandId(), DeviceCommandState.FAILED,
                Optional.empty(), AT.plusSeconds(44))).isTrue();

        DeviceCommand settled = ports.deviceCommands().find(reboot.commandId()).orElseThrow();
        assertThat(settled.state()).isEqualTo(DeviceCommandState.OK);
        assertThat(settled.deliveredAt()).contains(AT.plusSeconds(41));
        assertThat(settled.message()).contains("outlet group SOG1 rebooted");
        assertThat(ports.deviceCommands().find(sensitivity.commandId()).orElseThrow().state())
                .isEqualTo(DeviceCommandState.FAILED);

        assertThat(ports.transactions().inTransaction(() -> ports.deviceCommands().expire(AT.plusSeconds(60), WINDOW)))
                .isZero();
        assertThat(ports.transactions().inTransaction(
                () -> ports.deviceCommands().expire(AT.plus(Duration.ofHours(24)), WINDOW))).isEqualTo(1);
        assertThat(ports.deviceCommands().find(waiting.commandId()).orElseThrow().state())
                .isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(ports.deviceCommands().claimPending(List.of(offline), AT.plus(Duration.ofHours(25)), 10,
                Duration.ofSeconds(30))).isEmpty();
        assertThat(owner).isNotNull();
    }

    @Test
    void aLockedRegistrationIsRemovedOnlyOnceTheLockingTransactionHasEnded() throws Exception {
        ProductId ups = catalogued();
        AccountId owner = storedAccount();
        DeviceRegistration registration = DeviceRegistration.registered(ups, owner, companyOf(owner), AT);
        assertThat(ports.deviceRegistrations().add(registration)).isTrue();
        CompletableFuture<Boolean> removal = new CompletableFuture<>();
        CountDownLatch removing = new CountDownLatch(1);

        ports.transactions().inTransaction(() -> {
            assertThat(ports.deviceRegistrations().lock(ups)).contains(registration);
            Thread.ofPlatform().start(() -> {
                try {
                    removing.countDown();
                    removal.complete(ports.transactions()
                            .inTransaction(() -> ports.deviceRegistrations().remove(ups, owner)));
                } catch (Throwable failure) {
                    removal.completeExceptionally(failure);
                }
            });
            try {
                assertThat(removing.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(300); // time enough for an unlocked DELETE to end
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(removal).as("the removal waits for the lock").isNotDone();
            return null;
        });

        assertThat(removal.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ports.deviceRegistrations().find(ups)).isEmpty();
        assertThat(ports.transactions().inTransaction(() -> ports.deviceRegistrations().lock(ups))).isEmpty();
    }

    @Test
    void aDeliveredCommandTheDeviceNeverAnswersExpiresWithAMessageAndAnAnswerAfterThatChangesNothing() {
        ProductId ups = catalogued();
        DeviceCommand reboot = command(ups, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG1", AT);
        ports.transactions().inTransaction(() -> {
            ports.deviceCommands().add(reboot);
            return null;
        });
        ports.deviceCommands().claimPending(List.of(ups), AT.plusSeconds(1), 10, Duration.ofSeconds(30));
        assertThat(ports.deviceCommands().markDelivered(reboot.commandId(), AT.plusSeconds(2))).isTrue();

        assertThat(ports.transactions().inTransaction(
                () -> ports.deviceCommands().expire(reboot.expiresAt().minusSeconds(1), WINDOW))).isZero();
        assertThat(ports.transactions().inTransaction(
                () -> ports.deviceCommands().expire(reboot.expiresAt(), WINDOW))).isEqualTo(1);

        DeviceCommand expired = ports.deviceCommands().find(reboot.commandId()).orElseThrow();
        assertThat(expired.state()).isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(expired.deliveredAt()).contains(AT.plusSeconds(2));
        assertThat(expired.settledAt()).contains(reboot.expiresAt());
        assertThat(expired.message()).contains(DeviceCommandOutbox.UNANSWERED);
        assertThat(ports.deviceCommands().settle(ups, reboot.commandId(), DeviceCommandState.OK, Optional.empty(),
                reboot.expiresAt().plusSeconds(1))).isFalse();
        assertThat(ports.deviceCommands().find(reboot.commandId()).orElseThrow().state())
                .isEqualTo(DeviceCommandState.EXPIRED);
    }

    @Test
    void aCommandDeliveredJustBeforeItsExpiryHasTheAnswerWindowToBeAnswered() {
        ProductId ups = catalogued();
        DeviceCommand reboot = command(ups, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG1", AT);
        ports.transactions().inTransaction(() -> {
            ports.deviceCommands().add(reboot);
            return null;
        });
        Instant delivered = reboot.expiresAt().minusSeconds(30);
        ports.deviceCommands().claimPending(List.of(ups), delivered, 10, Duration.ofSeconds(30));
        assertThat(ports.deviceCommands().markDelivered(reboot.commandId(), delivered)).isTrue();

        assertThat(ports.transactions().inTransaction(() -> ports.deviceCommands()
                .expire(delivered.plus(WINDOW).minusSeconds(1), WINDOW))).as("expired, but not answered in time yet")
                .isZero();
        assertThat(ports.deviceCommands().settle(ups, reboot.commandId(), DeviceCommandState.OK, Optional.empty(),
                delivered.plusSeconds(90))).isTrue();
        assertThat(ports.deviceCommands().find(reboot.commandId()).orElseThrow().state())
                .isEqualTo(DeviceCommandState.OK);
    }

    @Test
    void aPendingCommandIsWithdrawnOnceAndThenNeverClaimed() {
        ProductId ups = catalogued();
        DeviceCommand reboot = command(ups, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG1", AT);
        ports.transactions().inTransaction(() -> {
            ports.deviceCommands().add(reboot);
            return null;
        });

        assertThat(ports.deviceCommands().withdraw(reboot.commandId(), AT.plusSeconds(1), "unregistered")).isTrue();
        assertThat(ports.deviceCommands().withdraw(reboot.commandId(), AT.plusSeconds(2), "again")).isFalse();

        DeviceCommand withdrawn = ports.deviceCommands().find(reboot.commandId()).orElseThrow();
        assertThat(withdrawn.state()).isEqualTo(DeviceCommandState.EXPIRED);
        assertThat(withdrawn.message()).contains("unregistered");
        assertThat(ports.deviceCommands().claimPending(List.of(ups), AT.plusSeconds(3), 10, Duration.ofSeconds(30)))
                .isEmpty();
    }

    @Test
    void theEventLogReadsNewestFirstFilteredAndByPages() {
        ProductId ups = catalogued();
        for (int i = 0; i < 5; i++) {
            ports.deviceEvents().add(DeviceEvent.reported(ups, "e" + i, i % 2 == 0 ? "ON_BATTERY" : "POWER_RESTORED",
                    AT.plusSeconds(i), AT.plusSeconds(i), "{}"));
        }
        ports.deviceEvents().add(DeviceEvent.reported(ups, "e5", "OVERLOAD", AT.plusSeconds(4), AT, "{}"));
        DeviceEventRepository.EventFilter all = new DeviceEventRepository.EventFilter(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        List<DeviceEvent> first = ports.deviceEvents().newestFirst(ups, all, Optional.empty(), 3);
        assertThat(first).extracting(DeviceEvent::eventId).containsExactly("e5", "e4", "e3");
        List<DeviceEvent> second = ports.deviceEvents().newestFirst(ups, all,
                Optional.of(new DeviceEventRepository.Position(first.get(2).occurredAt(), "e3")), 3);
        assertThat(second).extracting(DeviceEvent::eventId).containsExactly("e2", "e1", "e0");

        assertThat(ports.deviceEvents().newestFirst(ups, new DeviceEventRepository.EventFilter(
                Optional.of(AT.plusSeconds(1)), Optional.of(AT.plusSeconds(4)), Optional.of("ON_BATTERY"),
                Optional.of(Severity.WARNING)), Optional.empty(), 10))
                .extracting(DeviceEvent::eventId).containsExactly("e2");
        assertThat(ports.deviceEvents().newestFirst(ups, new DeviceEventRepository.EventFilter(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Severity.CRITICAL)), Optional.empty(), 10))
                .extracting(DeviceEvent::eventId).containsExactly("e5");
    }

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static DeviceCommand command(ProductId productId, DeviceCommandType type, String argument, Instant at) {
        return DeviceCommand.issue(UUID.randomUUID().toString(), productId, type, argument,
                new AccountId(UUID.randomUUID()), at, Duration.ofHours(24));
    }
}
