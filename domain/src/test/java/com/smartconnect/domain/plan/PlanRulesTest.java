package com.smartconnect.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final ProductId DEVICE = new ProductId("AS2104123456");
    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void aDevicesFeaturesAreThoseOfItsPlanUntilItsEndAndOfBasicAfter() {
        Instant end = START.plusSeconds(3600);
        DevicePlan standard = new DevicePlan(DEVICE, Plan.STANDARD, START, Optional.of(end));
        assertThat(standard.includesAt(PlanFeature.EVENT_LOG, end.minusMillis(1))).isTrue();
        assertThat(standard.includesAt(PlanFeature.EVENT_LOG, end)).isFalse();
        assertThat(standard.includesAt(PlanFeature.STATUS_MONITORING, end)).isTrue();
        assertThat(Plan.BASIC.includes(PlanFeature.EMAIL_EVENT_NOTIFICATIONS)).isFalse();
        assertThat(Plan.STANDARD.includes(PlanFeature.EMAIL_EVENT_NOTIFICATIONS)).isTrue();
    }

    @Test
    void aPlanMayEndAnyTimeAfterItStarts() {
        assertThat(new DevicePlan(DEVICE, Plan.ADVANCED, START, Optional.of(START.plusMillis(1))).endsAt())
                .contains(START.plusMillis(1));
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.ADVANCED, START, Optional.of(START.minusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DevicePlan(DEVICE, Plan.BASIC, START, Optional.empty()).effectiveAt(START.plusSeconds(1)))
                .isEqualTo(Plan.BASIC);
    }

    @Test
    void theRefusalSaysWhetherAnEndIsMissingOrOneTooMany() {
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.STANDARD, START, Optional.empty()))
                .hasMessageContaining("needs an end");
        assertThatThrownBy(() -> new DevicePlan(DEVICE, Plan.BASIC, START, Optional.of(START.plusSeconds(1))))
                .hasMessageContaining("has no end");
    }

    @Test
    void aNoticeMayComeOnTheLastDayButNotOnTheEnd() {
        assertThat(new FreePeriodPolicy(Period.ofMonths(1), List.of(1)).noticeDays()).containsExactly(1);
        assertThatThrownBy(() -> new FreePeriodPolicy(Period.ofMonths(1), List.of(7, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
