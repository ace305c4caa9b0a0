package com.smartconnect.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The flood guard of one device's Event Notifications: if the device generates over 6 notifications within 30
 * minutes, the 7th is not sent; instead one "Event Notifications Disabled" alert goes out, and the device's
 * notifications stay off for 7 days, or until the owner re-enables them with the alert's link. Events are logged
 * all the while; only mails are held back.
 *
 * <p>It keeps just the times of the last 6 notifications sent and the end of a disabling, so each decision costs
 * the same whatever the device's history: no scan of the event log. The window slides: a notification sent exactly
 * 30 minutes before another no longer counts with it.
 *
 * @param recentSends the times of the last notifications sent, oldest first, at most {@link #MAX_IN_WINDOW}
 * @param disabledUntil while present, notifications are off until then
 */
public record NotificationThrottle(List<Instant> recentSends, Optional<Instant> disabledUntil) {

    public static final int MAX_IN_WINDOW = 6;
    public static final Duration WINDOW = Duration.ofMinutes(30);
    public static final Duration DISABLED_FOR = Duration.ofDays(7);

    /** A device that has sent nothing yet. */
    public static final NotificationThrottle FRESH = new NotificationThrottle(List.of(), Optional.empty());

    public NotificationThrottle {
        recentSends = List.copyOf(recentSends);
        Objects.requireNonNull(disabledUntil, "disabledUntil");
        if (recentSends.size() > MAX_IN_WINDOW) {
            throw new IllegalArgumentException("only the last " + MAX_IN_WINDOW + " sends are kept");
        }
    }

    /** What becomes of one notification that an event of the device would make. */
    public enum Decision {
        /** Send it. */
        SEND,
        /** It is the 7th within 30 minutes: do not send it; send the one "Event Notifications Disabled" alert. */
        DISABLE,
        /** Notifications are disabled: do not send it (the event is still logged). */
        SUPPRESS
    }

    /** A decision and the throttle after it. */
    public record Outcome(Decision decision, NotificationThrottle next) {
    }

    /**
     * Decides a notification at {@code now}, taken to the millisecond (as the throttle is stored, and as the enable
     * link names the end of a disabling); calls must come in time order (the server's receive time).
     */
    public Outcome decide(Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        NotificationThrottle current = reenabledBy(now);
        if (current.disabledUntil.isPresent()) {
            return new Outcome(Decision.SUPPRESS, current);
        }
        Instant windowStart = now.minus(WINDOW);
        List<Instant> inWindow = current.recentSends.stream().filter(sent -> sent.isAfter(windowStart)).toList();
        if (inWindow.size() >= MAX_IN_WINDOW) {
            return new Outcome(Decision.DISABLE, new NotificationThrottle(List.of(), Optional.of(now.plus(DISABLED_FOR))));
        }
        List<Instant> sends = new ArrayList<>(inWindow);
        sends.add(now);
        return new Outcome(Decision.SEND, new NotificationThrottle(sends, Optional.empty()));
    }

    /** Whether notifications are off at {@code now}. */
    public boolean isDisabledAt(Instant now) {
        return disabledUntil.filter(now::isBefore).isPresent();
    }

    /** The "Enable Notifications" link: on again at once, with a fresh window. */
    public NotificationThrottle enabled() {
        return FRESH;
    }

    /** The throttle at {@code now}, a disabling that has run its 7 days dropped. */
    private NotificationThrottle reenabledBy(Instant now) {
        return disabledUntil.filter(until -> !now.isBefore(until)).isPresent() ? FRESH : this;
    }
}
