package com.smartconnect.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.device.ResolvingSkus;
import java.time.LocalDate;
import java.util.List;
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
    void eachKindIsResolvedByTheSkuItsCatalogNames() {
        ResolvingSkus skus = ResolvingSkus.of("WBEXTWAR1YR-SP-01", "SC-STD-SRT3000", "SC-ADV-SRT3000");
        assertThat(LifecycleKind.BATTERY.resolvingSku("APCRBC133", skus)).contains("APCRBC133");
        assertThat(LifecycleKind.WARRANTY.resolvingSku("APCRBC133", skus)).contains("WBEXTWAR1YR-SP-01");
        assertThat(LifecycleKind.STANDARD_PLAN.resolvingSku("APCRBC133", skus)).contains("SC-STD-SRT3000");
        assertThat(LifecycleKind.ADVANCED_PLAN.resolvingSku("APCRBC133", skus)).contains("SC-ADV-SRT3000");
    }

    @Test
    void aKindWhoseCatalogNamesNoSkuHasNoneRatherThanAnInventedOne() {
        for (LifecycleKind kind : List.of(LifecycleKind.WARRANTY, LifecycleKind.STANDARD_PLAN,
                LifecycleKind.ADVANCED_PLAN)) {
            assertThat(kind.resolvingSku("APCRBC133", ResolvingSkus.NONE)).as(kind.name()).isEmpty();
        }
        assertThat(ResolvingSkus.of(" ", "", null)).isEqualTo(ResolvingSkus.NONE);
    }

    @Test
    void anEventIsWordedAsAResellerCountsDays() {
        LifecycleEvent event = new LifecycleEvent(LifecycleKind.WARRANTY, LocalDate.of(2026, 12, 7));
        assertThat(event.whenSeenOn(LocalDate.of(2026, 11, 7))).isEqualTo("in 30 days");
        assertThat(event.whenSeenOn(LocalDate.of(2026, 12, 6))).isEqualTo("in 1 day");
        assertThat(event.whenSeenOn(LocalDate.of(2026, 12, 7))).isEqualTo("today");
        assertThat(event.whenSeenOn(LocalDate.of(2026, 12, 8))).isEqualTo("1 day ago");
        assertThat(event.whenSeenOn(LocalDate.of(2027, 1, 12))).isEqualTo("36 days ago");
    }
}
