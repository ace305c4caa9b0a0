package com.smartconnect.domain.lifecycle;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which reminder a connected reseller is due today about one lifecycle event: the rule of "90, 30, 7 and 0 days
 * before, four mails in total if the issue is not resolved", over calendar days in UTC (one day for every instance and
 * every reseller, whatever the device's time zone, so that the job's query and this rule count the same days).
 *
 * <p>The current stage is the latest whose day has come (today at or after {@code due - N days}), until the due date
 * itself; it is due if it was not sent yet and its day is not before the day the reseller connected. So a reseller
 * who connects late gets the stages still to come, on their days, and none of the past ones; a server that was off
 * over a stage's day sends that stage when it runs next, unless the next stage's day has come, which replaces it:
 * never a burst of old stages. Resolution (a new battery, an extended warranty, a renewed plan) gives the event a new
 * due date, and the reminders of the old date are no longer asked for.
 */
public final class ReminderSchedule {

    private ReminderSchedule() {
    }

    /**
     * The stage to send today for an event due on {@code dueOn}, to a reseller connected since {@code connectedOn},
     * given the stages of that due date already sent; empty when nothing is due.
     */
    public static Optional<ReminderStage> dueNow(LocalDate dueOn, LocalDate today, LocalDate connectedOn,
            Set<ReminderStage> sent) {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(connectedOn, "connectedOn");
        Objects.requireNonNull(sent, "sent");
        return current(dueOn, today)
                .filter(stage -> !stage.dayFor(dueOn).isBefore(connectedOn))
                .filter(stage -> !sent.contains(stage));
    }

    /** The latest stage whose day has come, up to and including the due date; empty before the first and after. */
    public static Optional<ReminderStage> current(LocalDate dueOn, LocalDate today) {
        if (today.isAfter(dueOn)) {
            return Optional.empty();
        }
        ReminderStage current = null;
        for (ReminderStage stage : ReminderStage.ALL) {
            if (!today.isBefore(stage.dayFor(dueOn))) {
                current = stage;
            }
        }
        return Optional.ofNullable(current);
    }

    /** The earliest due date the job must look at today: events due before it have no stage left. */
    public static LocalDate earliestDue(LocalDate today) {
        return today;
    }

    /** The latest due date the job must look at today: events due after it have not reached their first stage. */
    public static LocalDate latestDue(LocalDate today) {
        return today.plusDays(ReminderStage.DAYS_90.daysBefore());
    }
}
