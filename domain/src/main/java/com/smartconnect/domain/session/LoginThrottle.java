package com.smartconnect.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed logins slow down the next ones. Keyed by e-mail address (whether or not it has an account, so that the
 * answer tells nothing) and by client address. After {@link #FREE_FAILURES} failures within {@link #WINDOW} for one
 * e-mail address, each further try must wait, twice as long after each failure, up to {@link #LONGEST_WAIT}.
 * A client address gets {@link #FREE_FAILURES_PER_CLIENT} failures within the window across all e-mail addresses.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int FREE_FAILURES = 5;
    public static final int FREE_FAILURES_PER_CLIENT = 30;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = WINDOW;

    private LoginThrottle() {
    }

    /**
     * How long the next try of an e-mail address must wait, given its failures within the window and when the last
     * one was; empty when it may try now.
     */
    public static Optional<Duration> waitForAddress(int failuresInWindow, Instant lastFailure, Instant now) {
        if (failuresInWindow < FREE_FAILURES) {
            return Optional.empty();
        }
        Duration delay = delayAfter(failuresInWindow);
        Duration left = Duration.between(now, lastFailure.plus(delay));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Whether a client address has failed so often within the window that it must wait for the window to pass. */
    public static boolean clientMustWait(int clientFailuresInWindow) {
        return clientFailuresInWindow >= FREE_FAILURES_PER_CLIENT;
    }

    /** The wait after the {@code failures}-th failure: 30 s after the 5th, doubling, at most 15 minutes. */
    static Duration delayAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration delay = FIRST_WAIT.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }

    /** Whether this failure is the one that starts the waiting: the owner is told then, once. */
    public static boolean startsWaiting(int failuresInWindowIncludingThisOne) {
        return failuresInWindowIncludingThisOne == FREE_FAILURES;
    }
}
