package com.smartconnect.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderStagesTest {

    @Test
    void storedStagesAreReadBackByTheirDays() {
        assertThat(ReminderStage.ofDaysBefore(90)).contains(ReminderStage.DAYS_90);
        assertThat(ReminderStage.ofDaysBefore(30)).contains(ReminderStage.DAYS_30);
        assertThat(ReminderStage.ofDaysBefore(7)).contains(ReminderStage.DAYS_7);
        assertThat(ReminderStage.ofDaysBefore(0)).contains(ReminderStage.DAY_OF);
        assertThat(ReminderStage.ofDaysBefore(14)).isEmpty();
    }

    @Test
    void theJobLooksAtEventsDueFromTodayToNinetyDaysAhead() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        assertThat(ReminderSchedule.earliestDue(today)).isEqualTo(today);
        assertThat(ReminderSchedule.latestDue(today)).isEqualTo(LocalDate.of(2027, 2, 18));
    }

    @Test
    void eachKindIsResolvedByItsOwnSku() {
        assertThat(LifecycleKind.BATTERY.resolvingSku("APCRBC133")).isEqualTo("APCRBC133");
        assertThat(LifecycleKind.WARRANTY.resolvingSku("APCRBC133")).isEqualTo(LifecycleKind.WARRANTY_EXTENSION_SKU);
        assertThat(LifecycleKind.STANDARD_PLAN.resolvingSku("APCRBC133")).isEqualTo("SMARTCONNECT-STANDARD-1Y");
        assertThat(LifecycleKind.ADVANCED_PLAN.resolvingSku("APCRBC133")).isEqualTo("SMARTCONNECT-ADVANCED-1Y");
    }
}
