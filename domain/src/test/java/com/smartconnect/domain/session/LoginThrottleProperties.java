package com.smartconnect.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LoginThrottleProperties {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @Property
    void fewerThanFiveFailuresNeverWait(@ForAll @IntRange(min = 0, max = 4) int failures,
            @ForAll @IntRange(min = 0, max = 900) int secondsSinceLast) {
        assertThat(LoginThrottle.waitForAddress(failures, NOW.minusSeconds(secondsSinceLast), NOW)).isEmpty();
    }

    @Property
    void theWaitGrowsWithEachFailureAndNeverPassesFifteenMinutes(@ForAll @IntRange(min = 5, max = 60) int failures) {
        Duration delay = LoginThrottle.delayAfter(failures);
        assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(15)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delayAfter(failures + 1)).isGreaterThanOrEqualTo(delay);
        assertThat(LoginThrottle.waitForAddress(failures, NOW, NOW)).contains(delay);
        assertThat(LoginThrottle.waitForAddress(failures, NOW.minus(delay), NOW)).isEmpty();
    }

    @Property
    void onlyTheFifthFailureStartsTheWaiting(@ForAll @IntRange(min = 1, max = 40) int failures) {
        assertThat(LoginThrottle.startsWaiting(failures)).isEqualTo(failures == 5);
    }
}
