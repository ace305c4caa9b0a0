package com.smartconnect.application.service;

import com.smartconnect.application.port.out.LoginFailures;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.session.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks a logged-in user for their current password again (to change it, or to delete the account), throttled like a
 * login: whoever holds a session must not be able to guess the password behind it without limit. Must run inside a
 * transaction, whose lock on the account's key makes parallel guesses wait for one another.
 */
final class CurrentPasswordCheck {

    /** What the check found. */
    sealed interface Outcome {
        /** The password is right. */
        record Right() implements Outcome {
        }

        /** The password is wrong; the failure is counted. */
        record Wrong() implements Outcome {
        }

        /** Too many wrong passwords lately: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final LoginFailures failures;

    CurrentPasswordCheck(Clock clock, PasswordHasher passwordHasher, LoginFailures failures) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.failures = failures;
    }

    Outcome check(Account account, String password) {
        String key = "account:" + account.id();
        failures.lock(key);
        Instant now = clock.instant();
        LoginFailures.Recent recent = failures.since(key, now.minus(LoginThrottle.WINDOW));
        Optional<Duration> wait = recent.last().flatMap(last -> LoginThrottle.waitForAddress(recent.count(), last, now));
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        if (!passwordHasher.matches(password, account.passwordHash())) {
            failures.record(key, now);
            return new Outcome.Wrong();
        }
        failures.clear(key);
        return new Outcome.Right();
    }
}
