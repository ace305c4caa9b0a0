package com.smartconnect.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.notification.NotificationThrottle.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The throttle over random timelines of one device's notifications. */
class NotificationThrottleProperties {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    /** Gaps between notifications: bursts of seconds, some minutes apart, and now and then days. */
    @Provide
    Arbitrary<List<Duration>> timelines() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 120).map(Duration::ofSeconds);
        Arbitrary<Duration> minutes = Arbitraries.longs().between(1, 40).map(Duration::ofMinutes);
        Arbitrary<Duration> days = Arbitraries.longs().between(1, 9).map(Duration::ofDays);
        Arbitrary<Duration> gap = Arbitraries.frequencyOf(Tuple.of(6, seconds), Tuple.of(3, minutes), Tuple.of(1, days));
        return gap.list().ofMinSize(1).ofMaxSize(120);
    }

    private record Step(Instant at, Decision decision, NotificationThrottle before) {
    }

    private static List<Step> run(List<Duration> gaps) {
        List<Step> steps = new ArrayList<>();
        NotificationThrottle throttle = NotificationThrottle.FRESH;
        Instant at = START;
        for (Duration gap : gaps) {
            at = at.plus(gap);
            NotificationThrottle.Outcome outcome = throttle.decide(at);
            steps.add(new Step(at, outcome.decision(), throttle));
            throttle = outcome.next();
        }
        return steps;
    }

    @Property
    void noThirtyMinuteWindowEverHoldsMoreThanSixSentNotifications(@ForAll("timelines") List<Duration> gaps) {
        List<Instant> sent = run(gaps).stream().filter(s -> s.decision() == Decision.SEND).map(Step::at).toList();
        for (Instant end : sent) {
            long inWindow = sent.stream().filter(t -> t.isAfter(end.minus(NotificationThrottle.WINDOW)) && !t.isAfter(end))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(NotificationThrottle.MAX_IN_WINDOW);
        }
    }

    @Property
    void disablingHappensExactlyAtTheSeventhWithinThirtyMinutesWithOneAlertAndLastsSevenDays(
            @ForAll("timelines") List<Duration> gaps) {
        List<Step> steps = run(gaps);
        Instant disabledUntil = Instant.MIN;
        List<Instant> sent = new ArrayList<>();
        for (Step step : steps) {
            boolean disabled = step.at().isBefore(disabledUntil);
            if (!disabled && disabledUntil != Instant.MIN) {
                sent.clear();
                disabledUntil = Instant.MIN;
            }
            long recent = sent.stream().filter(t -> t.isAfter(step.at().minus(NotificationThrottle.WINDOW))).count();
            Decision expected = disabled ? Decision.SUPPRESS
                    : recent >= NotificationThrottle.MAX_IN_WINDOW ? Decision.DISABLE : Decision.SEND;
            assertThat(step.decision()).as("at %s", step.at()).isEqualTo(expected);
            if (expected == Decision.SEND) {
                sent.add(step.at());
            } else if (expected == Decision.DISABLE) {
                disabledUntil = step.at().plus(NotificationThrottle.DISABLED_FOR);
            }
        }
    }

    @Example
    void theSeventhInThirtyMinutesDisablesForSevenDaysAndTheLinkReEnablesAtOnce() {
        NotificationThrottle throttle = NotificationThrottle.FRESH;
        for (int i = 0; i < 6; i++) {
            NotificationThrottle.Outcome outcome = throttle.decide(START.plusSeconds(60L * i));
            assertThat(outcome.decision()).isEqualTo(Decision.SEND);
            throttle = outcome.next();
        }
        NotificationThrottle.Outcome seventh = throttle.decide(START.plusSeconds(29 * 60));
        assertThat(seventh.decision()).isEqualTo(Decision.DISABLE);
        NotificationThrottle disabled = seventh.next();
        Instant disabledAt = START.plusSeconds(29 * 60);
        assertThat(disabled.decide(disabledAt.plus(Duration.ofDays(7)).minusNanos(1)).decision()).isEqualTo(Decision.SUPPRESS);
        assertThat(disabled.decide(disabledAt.plus(Duration.ofDays(7))).decision()).isEqualTo(Decision.SEND);
        assertThat(disabled.isDisabledAt(disabledAt.plusSeconds(1))).isTrue();
        assertThat(disabled.enabled().decide(disabledAt.plusSeconds(2)).decision()).isEqualTo(Decision.SEND);
    }

    @Example
    void aNotificationExactlyThirtyMinutesLaterNoLongerCountsWithTheFirst() {
        NotificationThrottle throttle = NotificationThrottle.FRESH;
        for (int i = 0; i < 6; i++) {
            throttle = throttle.decide(START.plusSeconds(i)).next();
        }
        assertThat(throttle.decide(START.plus(NotificationThrottle.WINDOW)).decision()).isEqualTo(Decision.SEND);
    }
}
