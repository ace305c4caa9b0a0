package com.smartconnect.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryLifecycleReminders;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.lifecycle.port.in.LifecycleEventView;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderCommand;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderResult;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleEvent;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import com.smartconnect.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle events of a registered UPS as its status page lists them, and the customer's reminder of one to their
 * connected reseller, over in-memory ports and a clock moved day by day.
 */
class LifecycleServiceTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final ProductId OTHER_UPS = new ProductId("AS2104654321");
    private static final String RESELLER = "sales@reseller.example";
    /** APCRBC123 lasts 3 years: installed on 1 December 2023, it is to be replaced by 1 December 2026. */
    private static final LocalDate BATTERY_DUE = LocalDate.of(2026, 12, 1);
    private static final LocalDate WARRANTY_ENDS = LocalDate.of(2027, 3, 1);
    /** The SKUs the catalog names for the model: the reminders name these, and no others. */
    private static final String WARRANTY_SKU = "WBEXTWAR1YR-SP-01";
    private static final String STANDARD_SKU = "SCSTD1Y-SMT1500";
    private static final String ADVANCED_SKU = "SCADV1Y-SMT1500";

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final DirectTransactions transactions = new DirectTransactions();
    private final ScriptedRandomSource random = new ScriptedRandomSource();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryPlans planRepository = new InMemoryPlans();
    private final PlanService plans = new PlanService(clock, transactions, catalog, planRepository,
            FreePeriodPolicy.DEFAULT);
    private final InMemoryResellerConnections connections = new InMemoryResellerConnections();
    private final InMemoryLifecycleReminders reminders = new InMemoryLifecycleReminders();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final LifecycleService service = new LifecycleService(clock, transactions, accounts, registrations, catalog,
            states, plans, connections, reminders, outbox,
            new LifecycleMails(random, accounts, companies, new PlainLinkSigner()));

    private final CompanyId company = new CompanyId(UUID.randomUUID());
    private final AuthenticatedUser ada = member("ada@example.org", "Ada", company);
    private final AuthenticatedUser grace = member("grace@example.org", "Grace", company);
    private final AuthenticatedUser bob = member("bob@example.org", "Bob", new CompanyId(UUID.randomUUID()));

    LifecycleServiceTest() {
        device(UPS, ada);
    }

    private AuthenticatedUser member(String email, String firstName, CompanyId companyId) {
        Account account = new Account(new AccountId(UUID.randomUUID()), new EmailAddress(email),
                new PersonName(firstName, "Lovelace"), new Country("GB"), "hash", companyId, false, clock.instant(),
                clock.instant());
        accounts.add(account);
        return new AuthenticatedUser(account.id(), new SessionId(UUID.randomUUID()), false);
    }

    private void device(ProductId productId, AuthenticatedUser owner) {
        device(productId, owner, ResolvingSkus.of(WARRANTY_SKU, STANDARD_SKU, ADVANCED_SKU));
    }

    private void device(ProductId productId, AuthenticatedUser owner, ResolvingSkus skus) {
        catalog.save(CatalogEntry.manufactured(productId, new ProductKey("7KQ2M9X4B1C8DZ"),
                new DeviceSecret("s3cret-0123456789-abcdef-0123456789"), "SMT1500RMI2UC", "SN1", "APCRBC123",
                LocalDate.of(2023, 12, 1), WARRANTY_ENDS, skus));
        registrations.add(DeviceRegistration.registered(productId, owner.accountId(), company, clock.instant()));
    }

    private void onPlan(ProductId productId, Plan plan, Instant endsAt) {
        planRepository.save(new DevicePlan(productId, plan, clock.instant(), Optional.of(endsAt)),
                new PlanChange(productId, plan, clock.instant(), Optional.of(endsAt), PlanChange.Reason.ACTIVATED,
                        "store"));
    }

    private ResellerConnection invited(AuthenticatedUser customer) {
        UUID id = UUID.randomUUID();
        ResellerConnection invitation = ResellerConnection.invite(id, customer.accountId(),
                new EmailAddress(RESELLER), "accept-hash-" + id, "unsubscribe-hash-" + id, clock.instant());
        assertThat(connections.addIfNoneOpen(invitation)).isTrue();
        return invitation;
    }

    private ResellerConnection connected(AuthenticatedUser customer) {
        ResellerConnection invitation = invited(customer);
        ResellerConnection connection = invitation.accepted(clock.instant());
        assertThat(connections.update(connection, ResellerConnectionState.INVITED)).isTrue();
        return connection;
    }

    private SendLifecycleReminderResult send(AuthenticatedUser user, String productId, String kind) {
        return service.send(new SendLifecycleReminderCommand(user, productId, kind));
    }

    private List<OutgoingMail> customerReminders() {
        return outbox.all().stream().filter(m -> m.template() == MailTemplate.RESELLER_CUSTOMER_REMINDER).toList();
    }

    private void setToday(LocalDate day) {
        Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), at));
    }

    @Test
    void theOwnerAndCoworkersSeeTheBatteryAndWarrantyEventsWithTodaysTitles() {
        List<LifecycleEventView> events = service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow();

        assertThat(events).containsExactly(
                new LifecycleEventView(LifecycleKind.BATTERY, "Battery Needs Replacement", BATTERY_DUE, false, true),
                new LifecycleEventView(LifecycleKind.WARRANTY, "Warranty Expires on 1 March 2027", WARRANTY_ENDS,
                        false, true));
        assertThat(service.eventsOf(new DeviceCriteria(grace, UPS.value()))).contains(events);
    }

    @Test
    void strangersAndUnknownOrMalformedDevicesHaveNoEvents() {
        assertThat(service.eventsOf(new DeviceCriteria(bob, UPS.value()))).isEmpty();
        assertThat(service.eventsOf(new DeviceCriteria(ada, OTHER_UPS.value()))).isEmpty();
        assertThat(service.eventsOf(new DeviceCriteria(ada, "not a product id"))).isEmpty();
    }

    @Test
    void anEventIsPastAfterItsDayAndRemindableFor90DaysAfterIt() {
        setToday(BATTERY_DUE);
        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow().get(0))
                .isEqualTo(new LifecycleEventView(LifecycleKind.BATTERY, "Battery Replacement Due", BATTERY_DUE, false,
                        true));

        setToday(BATTERY_DUE.plusDays(1));
        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow().get(0))
                .isEqualTo(new LifecycleEventView(LifecycleKind.BATTERY, "Battery End of Life Exceeded", BATTERY_DUE,
                        true, true));

        setToday(BATTERY_DUE.plusDays(89));
        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow().get(0).remindable()).isTrue();

        setToday(BATTERY_DUE.plusDays(90));
        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow().get(0).remindable()).isFalse();
    }

    @Test
    void aStandardOrAdvancedPlanAddsItsEndAsAThirdEvent() {
        onPlan(UPS, Plan.STANDARD, Instant.parse("2027-01-15T10:00:00Z"));

        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow()).last()
                .isEqualTo(new LifecycleEventView(
                LifecycleKind.STANDARD_PLAN, "Standard Plan Expires on 15 January 2027", LocalDate.of(2027, 1, 15),
                false, true));

        onPlan(UPS, Plan.ADVANCED, Instant.parse("2027-06-30T23:30:00Z"));
        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow()).hasSize(3).last()
                .extracting(LifecycleEventView::kind, LifecycleEventView::dueOn)
                .containsExactly(LifecycleKind.ADVANCED_PLAN, LocalDate.of(2027, 6, 30));
    }

    @Test
    void theFreePeriodIsNoLifecycleEvent() {
        onPlan(UPS, Plan.FREE_PERIOD, Instant.parse("2027-01-15T10:00:00Z"));

        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow())
                .extracting(LifecycleEventView::kind)
                .containsExactly(LifecycleKind.BATTERY, LifecycleKind.WARRANTY);
        assertThat(send(ada, UPS.value(), "standard-plan")).isInstanceOf(SendLifecycleReminderResult.NotFound.class);
    }

    @Test
    void theOwnerRemindsTheirConnectedResellerWithTheDeviceTheEventAndTheirContactDetails() {
        ResellerConnection connection = connected(ada);

        assertThat(send(ada, UPS.value(), "warranty")).isEqualTo(new SendLifecycleReminderResult.Sent(RESELLER));

        assertThat(customerReminders()).singleElement().satisfies(mail -> {
            assertThat(mail.to().value()).isEqualTo(RESELLER);
            assertThat(mail.values()).containsEntry("title", "Warranty Expires on 1 March 2027")
                    .containsEntry("productId", UPS.value()).containsEntry("model", "SMT1500RMI2UC")
                    .containsEntry("dueOn", "2027-03-01").containsEntry("sku", WARRANTY_SKU)
                    .containsEntry("daysLeft", Long.toString(ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 20),
                            WARRANTY_ENDS)))
                    .containsEntry("customerEmail", "ada@example.org").containsEntry("customerName", "Ada Lovelace")
                    .containsEntry("unsubscribeToken", "reseller-unsubscribe~" + connection.id());
        });
    }

    @Test
    void theBatteryReminderNamesTheBatteryToSell() {
        connected(ada);

        assertThat(send(ada, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.Sent.class);

        assertThat(customerReminders()).singleElement().satisfies(mail -> assertThat(mail.values())
                .containsEntry("title", "Battery Needs Replacement").containsEntry("sku", "APCRBC123")
                .containsEntry("dueOn", BATTERY_DUE.toString()).containsEntry("daysLeft", "11"));
    }

    @Test
    void anEventIsRemindedOnceADayAndAgainTheNextDay() {
        connected(ada);

        assertThat(send(ada, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        clock.advance(Duration.ofHours(15));
        assertThat(send(ada, UPS.value(), "battery"))
                .as("23:00 the same UTC day").isInstanceOf(SendLifecycleReminderResult.AlreadySentToday.class);
        assertThat(send(ada, UPS.value(), "warranty")).as("another event")
                .isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(customerReminders()).hasSize(2);

        clock.advance(Duration.ofHours(1));
        assertThat(send(ada, UPS.value(), "battery")).as("the next UTC day")
                .isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(customerReminders()).hasSize(3);
    }

    @Test
    void onlyTheOwnerRemindsTheResellerNotACoworker() {
        connected(ada);

        assertThat(send(grace, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.NotOwner.class);
        assertThat(send(grace, UPS.value(), "no-such-kind")).as("nothing to remind of comes first")
                .isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(customerReminders()).isEmpty();
        assertThat(send(ada, UPS.value(), "battery")).as("the co-worker's attempt marked nothing")
                .isInstanceOf(SendLifecycleReminderResult.Sent.class);
    }

    @Test
    void theConnectionIsTheOwnersNotTheCoworkers() {
        connected(grace);

        assertThat(send(ada, UPS.value(), "battery"))
                .isInstanceOf(SendLifecycleReminderResult.NoConnectedReseller.class);
        assertThat(customerReminders()).isEmpty();
    }

    @Test
    void strangersUnknownDevicesAndUnknownKindsAreNotFound() {
        connected(ada);
        connected(bob);

        assertThat(send(bob, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(send(ada, OTHER_UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(send(ada, "AS21-nonsense", "battery")).isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(send(ada, UPS.value(), "BATTERY")).as("kinds are slugs")
                .isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(send(ada, UPS.value(), "advanced-plan")).as("a device without that plan")
                .isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(customerReminders()).isEmpty();
    }

    @Test
    void aPlanEndIsRemindableThroughItsSlug() {
        connected(ada);
        onPlan(UPS, Plan.ADVANCED, Instant.parse("2027-01-15T10:00:00Z"));

        assertThat(send(ada, UPS.value(), "advanced-plan")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(send(ada, UPS.value(), "standard-plan")).isInstanceOf(SendLifecycleReminderResult.NotFound.class);
        assertThat(customerReminders()).singleElement().satisfies(mail -> assertThat(mail.values())
                .containsEntry("title", "Advanced Plan Expires on 15 January 2027")
                .containsEntry("sku", ADVANCED_SKU));
    }

    @Test
    void withoutASkuInTheCatalogTheReminderNamesNone() {
        catalog.save(new CatalogEntry(UPS, catalog.find(UPS).orElseThrow().productKeyHash(),
                catalog.find(UPS).orElseThrow().deviceSecretHash(), "SMT1500RMI2UC", "SN1", "APCRBC123",
                LocalDate.of(2023, 12, 1), WARRANTY_ENDS, ResolvingSkus.NONE));
        connected(ada);
        onPlan(UPS, Plan.STANDARD, Instant.parse("2027-01-15T10:00:00Z"));

        assertThat(send(ada, UPS.value(), "warranty")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(send(ada, UPS.value(), "standard-plan")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(customerReminders()).hasSize(2)
                .allSatisfy(mail -> assertThat(mail.values()).containsEntry("sku", ""));
    }

    @Test
    void aPlanSetToEndOnADayIsTitledAndRemindedWithThatDay() {
        connected(ada);
        assertThat(plans.change(new ChangePlanCommand(UPS.value(), "STANDARD", Optional.of("2027-02-01"), "store")))
                .isInstanceOf(ChangePlanResult.Changed.class);

        assertThat(service.eventsOf(new DeviceCriteria(ada, UPS.value())).orElseThrow()).last().isEqualTo(new LifecycleEventView(
                LifecycleKind.STANDARD_PLAN, "Standard Plan Expires on 1 February 2027", LocalDate.of(2027, 2, 1),
                false, true));
        assertThat(send(ada, UPS.value(), "standard-plan")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(customerReminders()).singleElement().satisfies(mail -> assertThat(mail.values())
                .containsEntry("title", "Standard Plan Expires on 1 February 2027")
                .containsEntry("dueOn", "2027-02-01").containsEntry("sku", STANDARD_SKU)
                .containsEntry("when", "in 73 days"));
    }

    @Test
    void aPastEventIsWordedAsDaysAgoNotAsDaysFromToday() {
        connected(ada);
        setToday(BATTERY_DUE.plusDays(36));

        assertThat(send(ada, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        setToday(WARRANTY_ENDS);
        assertThat(send(ada, UPS.value(), "warranty")).isInstanceOf(SendLifecycleReminderResult.Sent.class);

        assertThat(customerReminders()).extracting(mail -> mail.values().get("when"))
                .containsExactly("36 days ago", "today");
    }

    @Test
    void anEventThatOccurred90DaysAgoOrMoreIsTooOld() {
        connected(ada);

        setToday(BATTERY_DUE.plusDays(90));
        assertThat(send(ada, UPS.value(), "battery"))
                .isEqualTo(new SendLifecycleReminderResult.EventTooOld(BATTERY_DUE));
        assertThat(customerReminders()).isEmpty();
    }

    @Test
    void anEventThatOccurred89DaysAgoIsStillRemindable() {
        setToday(BATTERY_DUE.plusDays(89));
        connected(ada);

        assertThat(send(ada, UPS.value(), "battery")).isInstanceOf(SendLifecycleReminderResult.Sent.class);
        assertThat(customerReminders()).singleElement()
                .satisfies(mail -> assertThat(mail.values()).containsEntry("title", "Battery End of Life Exceeded")
                        .containsEntry("daysLeft", "0"));
    }

    @Test
    void withoutAConnectedResellerNothingIsSentAndNothingMarked() {
        assertThat(send(ada, UPS.value(), "battery"))
                .as("no reseller").isInstanceOf(SendLifecycleReminderResult.NoConnectedReseller.class);

        ResellerConnection invitation = invited(ada);
        assertThat(send(ada, UPS.value(), "battery"))
                .as("invited, not accepted yet").isInstanceOf(SendLifecycleReminderResult.NoConnectedReseller.class);

        clock.advance(ResellerConnection.INVITATION_VALIDITY);
        assertThat(send(ada, UPS.value(), "battery"))
                .as("an expired invitation").isInstanceOf(SendLifecycleReminderResult.NoConnectedReseller.class);
        assertThat(customerReminders()).isEmpty();

        connections.update(invitation.ended(ResellerConnectionState.EXPIRED, clock.instant()),
                ResellerConnectionState.INVITED);
        connected(ada);
        assertThat(send(ada, UPS.value(), "battery")).as("connected the same day: the refusals marked nothing")
                .isInstanceOf(SendLifecycleReminderResult.Sent.class);
    }

    @Test
    void aResellerWhoUnsubscribedGetsNoMoreReminders() {
        ResellerConnection connection = connected(ada);
        connections.update(connection.ended(ResellerConnectionState.UNSUBSCRIBED, clock.instant()),
                ResellerConnectionState.CONNECTED);

        assertThat(send(ada, UPS.value(), "battery"))
                .isInstanceOf(SendLifecycleReminderResult.NoConnectedReseller.class);
        assertThat(customerReminders()).isEmpty();
    }

    @Test
    void thePlanEventIsThePaidPlanRunningOrTheOneThatEndedAndFellToBasic() {
        Instant start = Instant.parse("2026-01-10T09:00:00Z");
        Instant end = Instant.parse("2027-01-10T00:30:00Z");
        PlanChange standard = new PlanChange(UPS, Plan.STANDARD, start, Optional.of(end), PlanChange.Reason.ACTIVATED,
                "store");
        PlanChange advanced = new PlanChange(UPS, Plan.ADVANCED, start, Optional.of(end), PlanChange.Reason.ACTIVATED,
                "store");
        PlanChange fellToBasic = new PlanChange(UPS, Plan.BASIC, end, Optional.empty(), PlanChange.Reason.ENDED,
                PlanChange.PORTAL);
        PlanChange freePeriod = new PlanChange(UPS, Plan.FREE_PERIOD, start, Optional.of(end),
                PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL);
        LifecycleEvent standardEnds = new LifecycleEvent(LifecycleKind.STANDARD_PLAN, LocalDate.of(2027, 1, 10));

        assertThat(LifecycleService.planEvent(view(standard))).contains(standardEnds);
        assertThat(LifecycleService.planEvent(view(advanced)))
                .contains(new LifecycleEvent(LifecycleKind.ADVANCED_PLAN, LocalDate.of(2027, 1, 10)));
        assertThat(LifecycleService.planEvent(view(standard, fellToBasic))).as("ended, fell to Basic")
                .contains(standardEnds);
        assertThat(LifecycleService.planEvent(view(freePeriod, fellToBasic))).as("the free period is no plan event")
                .isEmpty();
        assertThat(LifecycleService.planEvent(view(freePeriod))).isEmpty();
        assertThat(LifecycleService.planEvent(view(fellToBasic))).as("nothing before the fall").isEmpty();
        assertThat(LifecycleService.planEvent(view())).isEmpty();
    }

    @Test
    void aBasicPlanChosenOtherwiseThanByAnEndHidesTheEarlierPlan() {
        Instant start = Instant.parse("2026-01-10T09:00:00Z");
        PlanChange standard = new PlanChange(UPS, Plan.STANDARD, start, Optional.of(start.plus(Duration.ofDays(365))),
                PlanChange.Reason.ACTIVATED, "store");
        PlanChange basic = new PlanChange(UPS, Plan.BASIC, start.plus(Duration.ofDays(30)), Optional.empty(),
                PlanChange.Reason.ACTIVATED, "store");

        assertThat(LifecycleService.planEvent(view(standard, basic))).isEmpty();
    }

    @Test
    void aPlanIsDueOnItsLastUtcDay() {
        assertThat(LifecycleService.dueOn(Instant.parse("2027-01-10T00:00:00Z"))).as("set to end on 2027-01-09")
                .isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(LifecycleService.dueOn(Instant.parse("2027-01-10T00:00:01Z"))).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(LifecycleService.dueOn(Instant.parse("2027-01-10T23:59:59Z"))).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(LifecycleService.dueOn(Instant.parse("2027-01-09T23:59:59Z"))).isEqualTo(LocalDate.of(2027, 1, 9));
    }

    private static PlanView view(PlanChange... history) {
        PlanChange last = history.length == 0 ? null : history[history.length - 1];
        return new PlanView(UPS, last == null ? Plan.BASIC : last.plan(),
                last == null ? Optional.empty() : last.endsAt(), Set.of(), List.of(history));
    }
}
