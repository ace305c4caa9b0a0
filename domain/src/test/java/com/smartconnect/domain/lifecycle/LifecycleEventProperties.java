package com.smartconnect.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LifecycleEventProperties {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 15);

    @Example
    void theNineTitles() {
        LifecycleEvent battery = new LifecycleEvent(LifecycleKind.BATTERY, DUE);
        assertThat(battery.titleOn(DUE.minusDays(90))).isEqualTo("Replace Battery");
        assertThat(battery.titleOn(DUE.minusDays(30))).isEqualTo("Battery Needs Replacement");
        assertThat(battery.titleOn(DUE.minusDays(7))).isEqualTo("Battery Replacement Due");
        assertThat(battery.titleOn(DUE)).isEqualTo("Battery Replacement Due");
        assertThat(battery.titleOn(DUE.plusDays(1))).isEqualTo("Battery End of Life Exceeded");
        assertThat(new LifecycleEvent(LifecycleKind.WARRANTY, DUE).titleOn(DUE)).isEqualTo("Warranty Expires on 15 March 2027");
        assertThat(new LifecycleEvent(LifecycleKind.ADVANCED_PLAN, DUE).titleOn(DUE)).isEqualTo("Advanced Plan Expires on 15 March 2027");
        assertThat(new LifecycleEvent(LifecycleKind.ADVANCED_PLAN, DUE).titleOn(DUE.plusDays(1))).isEqualTo("Advanced Plan Expired on 15 March 2027");
        assertThat(new LifecycleEvent(LifecycleKind.STANDARD_PLAN, DUE).titleOn(DUE)).isEqualTo("Standard Plan Expires on 15 March 2027");
        assertThat(new LifecycleEvent(LifecycleKind.STANDARD_PLAN, DUE).titleOn(DUE.plusDays(1))).isEqualTo("Standard Plan Expired on 15 March 2027");
    }

    @Property
    void aReminderIsPossibleOnlyUntilNinetyDaysAfterTheEventOccurred(@ForAll LifecycleKind kind,
            @ForAll @IntRange(min = -400, max = 400) int daysAfterDue) {
        LifecycleEvent event = new LifecycleEvent(kind, DUE);
        assertThat(event.remindableOn(DUE.plusDays(daysAfterDue))).isEqualTo(daysAfterDue < 90);
    }

    @Property
    void slugsNameTheKinds(@ForAll LifecycleKind kind) {
        assertThat(LifecycleKind.ofSlug(kind.slug())).contains(kind);
    }
}
