package com.smartconnect.domain.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The four mails a connected reseller gets about one lifecycle event: 90, 30 and 7 days before its due date, and on
 * the day. Declared from the earliest to the latest.
 */
public enum ReminderStage {
    DAYS_90(90),
    DAYS_30(30),
    DAYS_7(7),
    DAY_OF(0);

    /** Every stage, the earliest first. */
    public static final List<ReminderStage> ALL = List.of(values());

    private final int daysBefore;

    ReminderStage(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    public int daysBefore() {
        return daysBefore;
    }

    /** The day of this stage for an event due on {@code dueOn}. */
    public LocalDate dayFor(LocalDate dueOn) {
        return dueOn.minusDays(daysBefore);
    }

    /** The stage of {@code daysBefore} (90, 30, 7 or 0), as stored. */
    public static Optional<ReminderStage> ofDaysBefore(int daysBefore) {
        return ALL.stream().filter(stage -> stage.daysBefore == daysBefore).findFirst();
    }
}
