package com.smartconnect.domain.lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One lifecycle event of a registered UPS: its kind and its due date (the battery's replace-by date, the last day of
 * the warranty, the end of the plan), and the title the portal and the reseller's mails give it on a given day.
 *
 * <p>The event occurs on its due date; before that it is upcoming. The customer may remind the reseller of an upcoming
 * event and of one that occurred less than {@link #REMINDER_WINDOW_DAYS} days ago.
 */
public record LifecycleEvent(LifecycleKind kind, LocalDate dueOn) {

    /** A customer may remind their reseller of an event until this many days after it occurred. */
    public static final int REMINDER_WINDOW_DAYS = 90;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public LifecycleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** Whether the event has occurred on {@code today}: its due date has passed. */
    public boolean isPastOn(LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** Whether the customer may still send the reseller a reminder on {@code today}: it occurred less than 90 days ago. */
    public boolean remindableOn(LocalDate today) {
        return today.isBefore(dueOn.plusDays(REMINDER_WINDOW_DAYS));
    }

    /**
     * When the event is, seen from {@code today}, in the words of a reseller's mail: "in 12 days", "in 1 day",
     * "today", "1 day ago", "36 days ago". A reminder may be about an event already past (a customer's, up to 90 days
     * after it), which a count of days left cannot say.
     */
    public String whenSeenOn(LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        if (days == 0) {
            return "today";
        }
        long count = Math.abs(days);
        String amount = count + (count == 1 ? " day" : " days");
        return days > 0 ? "in " + amount : amount + " ago";
    }

    /**
     * The portal's title on {@code today}. The battery's four titles follow the reminder stages: "Replace Battery" from
     * 90 days before (and earlier), "Battery Needs Replacement" from 30, "Battery Replacement Due" from 7 days before
     * to the day, "Battery End of Life Exceeded" after it.
     */
    public String titleOn(LocalDate today) {
        String date = DATE.format(dueOn);
        boolean past = isPastOn(today);
        return switch (kind) {
            case BATTERY -> {
                long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
                if (daysLeft < 0) {
                    yield "Battery End of Life Exceeded";
                } else if (daysLeft <= ReminderStage.DAYS_7.daysBefore()) {
                    yield "Battery Replacement Due";
                } else if (daysLeft <= ReminderStage.DAYS_30.daysBefore()) {
                    yield "Battery Needs Replacement";
                }
                yield "Replace Battery";
            }
            case WARRANTY -> "Warranty Expires on " + date;
            case STANDARD_PLAN -> (past ? "Standard Plan Expired on " : "Standard Plan Expires on ") + date;
            case ADVANCED_PLAN -> (past ? "Advanced Plan Expired on " : "Advanced Plan Expires on ") + date;
        };
    }
}
