package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.DueEvent;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.Position;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderStage;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

abstract class LifecycleReminderRepositoryContract extends PortContract {

    private static final Instant NOW = Examples.NOW;
    /** Each test's dates lie in a year of their own, so the devices of other tests stay out of its windows. */
    private static final AtomicInteger YEAR = new AtomicInteger(2200);

    private LifecycleReminderRepository reminders() {
        return ports.lifecycleReminders();
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void listsTheBatteriesDueInTheWindowOfCustomersWithAConnectedResellerOnly() {
        LocalDate installed = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        LocalDate due = installed.plusYears(4);
        AccountId customer = storedAccount();
        ResellerConnection connection = connected(customer);
        ProductId listed = registeredDevice(customer, installed, LocalDate.of(2999, 1, 1));
        registeredDevice(storedAccount(), installed, LocalDate.of(2999, 1, 1));
        AccountId invitedOnly = storedAccount();
        ports.resellerConnections().addIfNoneOpen(Examples.resellerInvitation(invitedOnly, NOW));
        registeredDevice(invitedOnly, installed, LocalDate.of(2999, 1, 1));
        ProductId later = registeredDevice(customer, installed.plusDays(1), LocalDate.of(2999, 1, 1));

        List<DueEvent> page = reminders().dueBetween(LifecycleKind.BATTERY, due.minusDays(90), due, 10, Optional.empty());

        assertThat(page).singleElement().satisfies(event -> {
            assertThat(event.productId()).isEqualTo(listed);
            assertThat(event.connectionId()).isEqualTo(connection.id());
            assertThat(event.customer()).isEqualTo(customer);
            assertThat(event.resellerEmail()).isEqualTo(connection.resellerEmail());
            assertThat(event.connectedAt()).isEqualTo(NOW);
            assertThat(event.dueOn()).isEqualTo(due);
            assertThat(event.model()).isEqualTo("SMT1500RMI2UC");
            assertThat(event.batterySku()).isEqualTo("APCRBC159");
            assertThat(event.kind()).isEqualTo(LifecycleKind.BATTERY);
        });
        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, due.plusDays(1), due.plusDays(1), 10, Optional.empty()))
                .extracting(DueEvent::productId).containsExactly(later);
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void aNewBatteryReportedByTheDeviceMovesItsReplaceByDate() {
        LocalDate installed = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        AccountId customer = storedAccount();
        connected(customer);
        ProductId device = registeredDevice(customer, installed, LocalDate.of(2999, 1, 1));
        LocalDate due = installed.plusYears(4);
        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, due, due, 10, Optional.empty())).hasSize(1);

        // A birth that reports a battery of a 3-year SKU installed two years later.
        LocalDate replacedOn = installed.plusYears(2);
        ports.deviceStates().recordBirth(device, new DeviceBirth("SMT1500RMI2UC-X", Optional.empty(),
                Optional.empty(), true, Optional.of("APCRBC123"), Optional.of(replacedOn), List.of("MAIN"), NOW));

        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, due, due, 10, Optional.empty())).isEmpty();
        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, replacedOn.plusYears(3), replacedOn.plusYears(3), 10,
                Optional.empty())).singleElement().satisfies(event -> {
                    assertThat(event.batterySku()).isEqualTo("APCRBC123");
                    assertThat(event.model()).isEqualTo("SMT1500RMI2UC-X");
                });
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void eachEventCarriesTheSkusTheCatalogNamesForTheDevice() {
        LocalDate warrantyEnds = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        AccountId customer = storedAccount();
        connected(customer);
        ProductId named = registeredDevice(customer, LocalDate.of(2020, 1, 1), warrantyEnds);
        ports.deviceCatalog().save(CatalogEntry.manufactured(named, new ProductKey("7KQ2M9X4B1C8DZ"),
                new DeviceSecret(DeviceCatalogContract.SECRET), "SRT3000XLI", "SN-" + named, "APCRBC140",
                LocalDate.of(2020, 1, 1), warrantyEnds, ResolvingSkus.of("WBEXTWAR1YR-SP-02", "STD-3000", "ADV-3000")));
        ProductId none = registeredDevice(customer, LocalDate.of(2020, 1, 1), warrantyEnds);
        savePlan(named, Plan.STANDARD, warrantyEnds.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(reminders().dueBetween(LifecycleKind.WARRANTY, warrantyEnds, warrantyEnds, 10, Optional.empty()))
                .extracting(DueEvent::productId, DueEvent::resolvingSku)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(named, Optional.of("WBEXTWAR1YR-SP-02")),
                        org.assertj.core.groups.Tuple.tuple(none, Optional.empty()));
        assertThat(reminders().dueBetween(LifecycleKind.STANDARD_PLAN, warrantyEnds, warrantyEnds, 10, Optional.empty()))
                .singleElement().extracting(DueEvent::resolvingSku).isEqualTo(Optional.of("STD-3000"));
        assertThat(ports.deviceCatalog().find(named).orElseThrow().skus())
                .isEqualTo(ResolvingSkus.of("WBEXTWAR1YR-SP-02", "STD-3000", "ADV-3000"));
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void listsWarrantiesAndFollowsAnExtension() {
        LocalDate warrantyEnds = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        AccountId customer = storedAccount();
        connected(customer);
        ProductId device = registeredDevice(customer, LocalDate.of(2020, 1, 1), warrantyEnds);

        assertThat(reminders().dueBetween(LifecycleKind.WARRANTY, warrantyEnds, warrantyEnds, 10, Optional.empty()))
                .extracting(DueEvent::productId).containsExactly(device);

        ports.deviceCatalog().save(catalogEntry(device, LocalDate.of(2020, 1, 1), warrantyEnds.plusYears(1)));

        assertThat(reminders().dueBetween(LifecycleKind.WARRANTY, warrantyEnds, warrantyEnds, 10, Optional.empty()))
                .isEmpty();
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void listsThePlansOfTheirKindWhoseLastUtcDayIsInTheWindow() {
        LocalDate day = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        AccountId customer = storedAccount();
        connected(customer);
        ProductId standard = registeredDevice(customer, LocalDate.of(2020, 1, 1), LocalDate.of(2999, 1, 1));
        ProductId advanced = registeredDevice(customer, LocalDate.of(2020, 1, 1), LocalDate.of(2999, 1, 1));
        Instant lateThatDay = day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        savePlan(standard, Plan.STANDARD, lateThatDay);
        // Set to end on that day: it runs through it and ends at the start of the next one.
        savePlan(advanced, Plan.ADVANCED, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        ProductId endedTheDayBefore = registeredDevice(customer, LocalDate.of(2020, 1, 1), LocalDate.of(2999, 1, 1));
        savePlan(endedTheDayBefore, Plan.ADVANCED, day.atStartOfDay().toInstant(ZoneOffset.UTC));

        assertThat(reminders().dueBetween(LifecycleKind.STANDARD_PLAN, day, day, 10, Optional.empty()))
                .singleElement().satisfies(event -> {
                    assertThat(event.productId()).isEqualTo(standard);
                    assertThat(event.dueOn()).isEqualTo(day);
                });
        assertThat(reminders().dueBetween(LifecycleKind.ADVANCED_PLAN, day, day, 10, Optional.empty()))
                .singleElement().satisfies(event -> {
                    assertThat(event.productId()).isEqualTo(advanced);
                    assertThat(event.dueOn()).as("the day set, not the day of the end instant").isEqualTo(day);
                });
        assertThat(reminders().dueBetween(LifecycleKind.ADVANCED_PLAN, day.minusDays(1), day.minusDays(1), 10,
                Optional.empty())).extracting(DueEvent::productId, DueEvent::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(endedTheDayBefore, day.minusDays(1)));
        reminders().markSent(reminders().dueBetween(LifecycleKind.ADVANCED_PLAN, day, day, 10, Optional.empty()).get(0)
                .connectionId(), advanced, LifecycleKind.ADVANCED_PLAN, day, ReminderStage.DAYS_30, NOW);
        assertThat(reminders().dueBetween(LifecycleKind.ADVANCED_PLAN, day, day, 10, Optional.empty()))
                .singleElement().satisfies(event -> assertThat(event.latestSent()).as("recorded under the day set")
                        .contains(ReminderStage.DAYS_30));
        UUID connection = reminders().dueBetween(LifecycleKind.STANDARD_PLAN, day, day, 10, Optional.empty()).get(0)
                .connectionId();
        reminders().markSent(connection, standard, LifecycleKind.STANDARD_PLAN, day, ReminderStage.DAYS_7, NOW);
        reminders().markSent(connection, standard, LifecycleKind.STANDARD_PLAN, day.minusDays(1), ReminderStage.DAY_OF,
                NOW);
        assertThat(reminders().dueBetween(LifecycleKind.STANDARD_PLAN, day, day, 10, Optional.empty()))
                .singleElement().satisfies(event -> assertThat(event.latestSent()).as("of the UTC day it ends")
                        .contains(ReminderStage.DAYS_7));
        assertThat(reminders().dueBetween(LifecycleKind.STANDARD_PLAN, day.plusDays(1), day.plusDays(2), 10,
                Optional.empty())).isEmpty();
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void pagesFollowOneAnotherWithoutRepeatsOrGaps() {
        LocalDate installed = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        AccountId customer = storedAccount();
        connected(customer);
        List<ProductId> devices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            devices.add(registeredDevice(customer, installed.plusDays(i % 3), LocalDate.of(2999, 1, 1)));
        }

        List<ProductId> seen = new ArrayList<>();
        Optional<Position> after = Optional.empty();
        List<DueEvent> page;
        do {
            page = reminders().dueBetween(LifecycleKind.BATTERY, installed.plusYears(4), installed.plusYears(4).plusDays(2),
                    2, after);
            page.forEach(event -> seen.add(event.productId()));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).position());
        } while (page.size() == 2);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(devices).doesNotHaveDuplicates();
    }

    @Test
    void eachReminderIsRecordedOnceAndTheCustomersOnceADay() {
        AccountId customer = storedAccount();
        ResellerConnection connection = connected(customer);
        ProductId device = registeredDevice(customer, LocalDate.of(2020, 1, 1), LocalDate.of(2999, 1, 1));
        LocalDate due = LocalDate.of(2024, 1, 1);

        assertThat(reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due, ReminderStage.DAYS_90, NOW))
                .isTrue();
        assertThat(reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due, ReminderStage.DAYS_90, NOW))
                .isFalse();
        assertThat(reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due, ReminderStage.DAYS_30, NOW))
                .isTrue();
        assertThat(reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due.plusYears(3),
                ReminderStage.DAYS_90, NOW)).as("a new due date").isTrue();

        LocalDate today = LocalDate.of(2023, 12, 1);
        assertThat(reminders().markCustomerReminder(device, LifecycleKind.WARRANTY, due, today)).isTrue();
        assertThat(reminders().markCustomerReminder(device, LifecycleKind.WARRANTY, due, today)).isFalse();
        assertThat(reminders().markCustomerReminder(device, LifecycleKind.BATTERY, due, today)).isTrue();
        assertThat(reminders().markCustomerReminder(device, LifecycleKind.WARRANTY, due, today.plusDays(1))).isTrue();
    }

    @DatabaseOnly("derives the due events from the catalog, the births, the registrations, the plans and the connections; the fake is handed them")
    @Test
    void aPageSaysTheLatestStageSentAboutEachEvent() {
        LocalDate installed = LocalDate.of(YEAR.getAndAdd(10), 6, 1);
        LocalDate due = installed.plusYears(4);
        AccountId customer = storedAccount();
        ResellerConnection connection = connected(customer);
        ProductId device = registeredDevice(customer, installed, LocalDate.of(2999, 1, 1));
        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, due, due, 10, Optional.empty()))
                .singleElement().satisfies(event -> assertThat(event.latestSent()).isEmpty());

        reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due, ReminderStage.DAYS_90, NOW);
        reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due, ReminderStage.DAYS_30, NOW);
        reminders().markSent(connection.id(), device, LifecycleKind.BATTERY, due.plusDays(1), ReminderStage.DAY_OF, NOW);

        assertThat(reminders().dueBetween(LifecycleKind.BATTERY, due, due, 10, Optional.empty()))
                .singleElement().satisfies(event -> {
                    assertThat(event.latestSent()).contains(ReminderStage.DAYS_30);
                    assertThat(event.stagesSent()).containsExactlyInAnyOrder(ReminderStage.DAYS_90, ReminderStage.DAYS_30);
                });
    }

    private ResellerConnection connected(AccountId customer) {
        ResellerConnection invitation = Examples.resellerInvitation(UUID.randomUUID(), customer, NOW.minusSeconds(60));
        ports.resellerConnections().addIfNoneOpen(invitation);
        ResellerConnection accepted = invitation.accepted(NOW);
        ports.resellerConnections().update(accepted, ResellerConnectionState.INVITED);
        return accepted;
    }

    private ProductId registeredDevice(AccountId owner, LocalDate batteryInstalledOn, LocalDate warrantyEndsOn) {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(catalogEntry(productId, batteryInstalledOn, warrantyEndsOn));
        ports.deviceRegistrations().add(DeviceRegistration.registered(productId, owner,
                ports.accounts().findById(owner).orElseThrow().companyId(), NOW));
        return productId;
    }

    private static CatalogEntry catalogEntry(ProductId productId, LocalDate batteryInstalledOn,
            LocalDate warrantyEndsOn) {
        return CatalogEntry.manufactured(productId, new ProductKey("7KQ2M9X4B1C8DZ"),
                new DeviceSecret(DeviceCatalogContract.SECRET), "SMT1500RMI2UC", "SN-" + productId, "APCRBC159",
                batteryInstalledOn, warrantyEndsOn);
    }

    private void savePlan(ProductId device, Plan plan, Instant endsAt) {
        Instant start = endsAt.minusSeconds(86_400L * 365);
        ports.plans().save(new DevicePlan(device, plan, start, Optional.of(endsAt)),
                new PlanChange(device, plan, start, Optional.of(endsAt), PlanChange.Reason.ACTIVATED, "store"));
    }
}
