package com.smartconnect.domain.plan;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the free monitoring period lasts (default 12 months) and how many days before its end the owner is sent
 * "Upcoming changes to your SmartConnect account" (default 30 and 7).
 *
 * @param noticeDays the days before the end, largest first
 */
public record FreePeriodPolicy(Period length, List<Integer> noticeDays) {

    public static final FreePeriodPolicy DEFAULT = new FreePeriodPolicy(Period.ofMonths(12), List.of(30, 7));

    public FreePeriodPolicy {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the free period lasts a while");
        }
        noticeDays = noticeDays.stream().distinct().sorted((a, b) -> b - a).toList();
        if (noticeDays.stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("notices come at least a day before the end");
        }
    }

    /** When a free period that starts at {@code start} ends (calendar months, counted in UTC). */
    public Instant endOf(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(length).toInstant();
    }

    /**
     * The notice due at {@code now} for a free period ending at {@code end}: the one of the latest stage reached
     * (fewest days left), or empty before the first stage and from the end on. A server that was off over an
     * earlier stage sends only the current one, not a burst of old notices.
     */
    public Optional<Integer> dueNotice(Instant end, Instant now) {
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        Optional<Integer> due = Optional.empty();
        for (int days : noticeDays) {
            if (!now.isBefore(end.minus(java.time.Duration.ofDays(days)))) {
                due = Optional.of(days);
            }
        }
        return due;
    }
}
