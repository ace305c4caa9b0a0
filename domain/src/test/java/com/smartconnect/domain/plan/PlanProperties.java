package com.smartconnect.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class PlanProperties {

    private static final ProductId DEVICE = new ProductId("AS2104123456");
    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    @Example
    void theTableOfWhatEachPlanIncludes() {
        assertThat(Plan.BASIC.features()).containsExactly(PlanFeature.STATUS_MONITORING);
        assertThat(Plan.STANDARD.features()).containsExactlyInAnyOrder(PlanFeature.STATUS_MONITORING,
                PlanFeature.EMAIL_EVENT_NOTIFICATIONS, PlanFeature.EVENT_LOG);
        assertThat(Plan.ADVANCED.features()).containsExactlyInAnyOrder(PlanFeature.values());
        assertThat(Plan.FREE_PERIOD.features()).containsExactlyInAnyOrder(PlanFeature.values());
        assertThat(Plan.FREE_PERIOD.isSold()).isFalse();
    }

    @Property
    void aPlanIsInForceUntilItsEndAndBasicFromThenOn(@ForAll Plan plan,
            @ForAll @LongRange(min = 0, max = 800 * 86_400L) long secondsLater) {
        Optional<Instant> end = plan.hasEnd() ? Optional.of(START.plus(Duration.ofDays(365))) : Optional.empty();
        DevicePlan current = new DevicePlan(DEVICE, plan, START, end);
        Instant now = START.plusSeconds(secondsLater);
        boolean ended = end.isPresent() && !now.isBefore(end.get());
        assertThat(current.effectiveAt(now)).isEqualTo(ended ? Plan.BASIC : plan);
        assertThat(current.hasEndedAt(now)).isEqualTo(ended);
    }

    @Example
    void onlyBasicHasNoEnd() {
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.STANDARD, START, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.BASIC, START, Optional.of(START.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.ADVANCED, START, Optional.of(START)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void theFreePeriodLastsTwelveCalendarMonths() {
        assertThat(FreePeriodPolicy.DEFAULT.endOf(START)).isEqualTo(Instant.parse("2027-01-15T10:00:00Z"));
    }

    @Property
    void theNoticeDueIsThatOfTheLatestStageReachedAndNoneFromTheEndOn(
            @ForAll @LongRange(min = 0, max = 60 * 86_400L) long secondsBeforeEnd) {
        Instant end = FreePeriodPolicy.DEFAULT.endOf(START);
        Instant now = end.minusSeconds(secondsBeforeEnd);
        Optional<Integer> due = FreePeriodPolicy.DEFAULT.dueNotice(end, now);
        long day = 86_400L;
        if (secondsBeforeEnd == 0) {
            assertThat(due).isEmpty();
        } else if (secondsBeforeEnd <= 7 * day) {
            assertThat(due).contains(7);
        } else if (secondsBeforeEnd <= 30 * day) {
            assertThat(due).contains(30);
        } else {
            assertThat(due).isEmpty();
        }
    }

    @Example
    void noticeDaysAreKeptLargestFirstAndMustBePositive() {
        assertThat(new FreePeriodPolicy(Period.ofMonths(1), List.of(7, 30, 7)).noticeDays()).containsExactly(30, 7);
        assertThatThrownBy(() -> new FreePeriodPolicy(Period.ofMonths(1), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
