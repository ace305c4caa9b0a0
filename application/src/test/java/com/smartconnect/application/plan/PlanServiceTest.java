package com.smartconnect.application.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceOwners;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import com.smartconnect.application.plan.port.in.PlanFeatureCriteria;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanServiceTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private final MutableClock clock = MutableClock.startingAt("2026-01-15T10:00:00Z");
    private final InMemoryPlans plans = new InMemoryPlans();
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceOwners owners = new InMemoryDeviceOwners();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final PlanService service = new PlanService(clock, new DirectTransactions(), catalog, plans,
            FreePeriodPolicy.DEFAULT);
    private final PlanScheduleJob schedule = new PlanScheduleJob(clock, new ScriptedRandomSource(), new DirectTransactions(),
            plans, owners, outbox, FreePeriodPolicy.DEFAULT);

    PlanServiceTest() {
        catalog.save(CatalogEntry.manufactured(UPS, new ProductKey("7KQ2M9X4B1C8DZ"),
                new DeviceSecret("s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t"), "SMT1500RMI2UC", "AS2104123456", "APCRBC159",
                LocalDate.parse("2025-03-01"), LocalDate.parse("2028-03-01")));
        owners.register(UPS, new DeviceOwners.DeviceOwner(new AccountId(UUID.randomUUID()),
                new EmailAddress("ada@example.org"), "Ada", "Server room UPS"));
    }

    private PlanView plan() {
        return service.planOf(UPS).orElseThrow();
    }

    private ChangePlanResult change(String plan, String endsOn) {
        return service.change(new ChangePlanCommand(" as21-0412-3456 ", plan, Optional.ofNullable(endsOn), "store"));
    }

    @Test
    void aFirstRegistrationStartsTwelveMonthsWithEverythingAndALaterOneDoesNotStartAgain() {
        assertThat(service.planOf(UPS)).isEmpty();
        assertThat(service.includes(new PlanFeatureCriteria(UPS, PlanFeature.EMAIL_EVENT_NOTIFICATIONS)))
                .as("no plan: Basic").isFalse();
        service.startFreePeriodIfFirst(UPS);
        assertThat(plan().plan()).isEqualTo(Plan.FREE_PERIOD);
        assertThat(plan().endsAt()).contains(Instant.parse("2027-01-15T10:00:00Z"));
        assertThat(service.includes(new PlanFeatureCriteria(UPS, PlanFeature.REMOTE_OUTLET_REBOOT))).isTrue();

        clock.advance(Duration.ofDays(40));
        service.startFreePeriodIfFirst(UPS);
        assertThat(plan().history()).extracting(PlanChange::reason).containsExactly(PlanChange.Reason.FREE_PERIOD_STARTED);
    }

    @Test
    void theFreePeriodEndsWithTwoNoticesAndAFallToBasic() {
        service.startFreePeriodIfFirst(UPS);
        clock.advance(Duration.ofDays(365 - 31));
        assertThat(schedule.runDue()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(schedule.runDue()).isEqualTo(1);
        assertThat(outbox.last().template()).isEqualTo(MailTemplate.FREE_PERIOD_ENDING);
        assertThat(outbox.last().values()).containsEntry("daysLeft", "30").containsEntry("endsOn", "2027-01-15")
                .containsEntry("deviceName", "Server room UPS");
        assertThat(schedule.runDue()).as("once").isZero();
        clock.advance(Duration.ofDays(23));
        assertThat(schedule.runDue()).isEqualTo(1);
        assertThat(outbox.last().values()).containsEntry("daysLeft", "7");
        clock.advance(Duration.ofDays(7));
        assertThat(schedule.runDue()).isEqualTo(1);
        assertThat(plan().plan()).isEqualTo(Plan.BASIC);
        assertThat(plan().history()).extracting(PlanChange::reason)
                .containsExactly(PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.Reason.ENDED);
        assertThat(outbox.all()).hasSize(2);
    }

    @Test
    void aServerThatWasOffOverTheFirstNoticeSendsOnlyTheCurrentOne() {
        service.startFreePeriodIfFirst(UPS);
        clock.advance(Duration.ofDays(365 - 5));
        assertThat(schedule.runDue()).isEqualTo(1);
        assertThat(outbox.all()).singleElement().satisfies(mail -> assertThat(mail.values()).containsEntry("daysLeft", "5"));
    }

    @Test
    void aPlanIsActivatedAndExtendedAtOnceWithHistoryAndFallsToBasicWhenItEnds() {
        service.startFreePeriodIfFirst(UPS);
        ChangePlanResult standard = change("standard", "2026-06-30");
        assertThat(standard).isInstanceOf(ChangePlanResult.Changed.class);
        assertThat(plan().plan()).isEqualTo(Plan.STANDARD);
        assertThat(service.includes(new PlanFeatureCriteria(UPS, PlanFeature.EMAIL_EVENT_NOTIFICATIONS))).isTrue();
        assertThat(service.includes(new PlanFeatureCriteria(UPS, PlanFeature.REMOTE_OUTLET_REBOOT))).isFalse();
        change("STANDARD", "2026-12-31");
        assertThat(plan().endsAt()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(plan().history()).extracting(PlanChange::reason).containsExactly(
                PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.Reason.ACTIVATED, PlanChange.Reason.EXTENDED);
        assertThat(plan().history().get(1).source()).isEqualTo("store");

        clock.advance(Duration.ofDays(351));
        assertThat(plan().plan()).as("ended, even before the job ran").isEqualTo(Plan.BASIC);
        assertThat(schedule.runDue()).isEqualTo(1);
        assertThat(plan().history()).last().satisfies(last -> {
            assertThat(last.reason()).isEqualTo(PlanChange.Reason.ENDED);
            assertThat(last.changedAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        });
        assertThat(schedule.runDue()).isZero();
    }

    @Test
    void wrongChangesSayWhatIsWrongAndChangeNothing() {
        assertThat(((ChangePlanResult.Invalid) change("GOLD", "2027-01-01")).errors()).extracting(FieldError::code)
                .containsExactly("INVALID_PLAN");
        assertThat(((ChangePlanResult.Invalid) change("FREE_PERIOD", "2027-01-01")).errors()).extracting(FieldError::code)
                .containsExactly("INVALID_PLAN");
        assertThat(((ChangePlanResult.Invalid) change("STANDARD", null)).errors()).extracting(FieldError::code)
                .containsExactly("END_DATE_REQUIRED");
        assertThat(((ChangePlanResult.Invalid) change("STANDARD", "2026-01-14")).errors()).extracting(FieldError::code)
                .containsExactly("END_DATE_IN_PAST");
        assertThat(((ChangePlanResult.Invalid) change("ADVANCED", "31/12/2027")).errors()).extracting(FieldError::code)
                .containsExactly("INVALID_DATE");
        assertThat(((ChangePlanResult.Invalid) change("BASIC", "2027-01-01")).errors()).extracting(FieldError::code)
                .containsExactly("END_DATE_NOT_ALLOWED");
        assertThat(service.change(new ChangePlanCommand("ZZ9999999999", "STANDARD", Optional.of("2027-01-01"), "store")))
                .isEqualTo(new ChangePlanResult.UnknownDevice());
        assertThat(service.planOf(UPS)).isEmpty();
        assertThat(change("BASIC", null)).isInstanceOf(ChangePlanResult.Changed.class);
        assertThat(plan().endsAt()).isEmpty();
    }

    @Test
    void aRunningPlanIsNeitherLoweredNorShortenedButTheFreePeriodCanBeReplaced() {
        service.startFreePeriodIfFirst(UPS);
        assertThat(change("STANDARD", "2026-03-31")).as("a purchase ends the free period").isInstanceOf(ChangePlanResult.Changed.class);
        assertThat(change("ADVANCED", "2026-06-30")).as("higher").isInstanceOf(ChangePlanResult.Changed.class);
        assertThat(change("STANDARD", "2027-06-30")).isInstanceOf(ChangePlanResult.WouldShorten.class);
        assertThat(change("BASIC", null)).isInstanceOf(ChangePlanResult.WouldShorten.class);
        assertThat(change("ADVANCED", "2026-05-31")).isInstanceOf(ChangePlanResult.WouldShorten.class);
        assertThat(plan().plan()).isEqualTo(Plan.ADVANCED);
        assertThat(plan().endsAt()).contains(Instant.parse("2026-07-01T00:00:00Z"));
        clock.advance(Duration.ofDays(200));
        assertThat(change("STANDARD", "2027-06-30")).as("once it ended").isInstanceOf(ChangePlanResult.Changed.class);
    }
}
