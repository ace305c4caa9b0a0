package com.smartconnect.application.account;

import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.session.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Asks a logged-in user to prove again who they are, with their current password (to change it or the e-mail address,
 * or to delete the account) or with a two-factor code, throttled like a login: whoever holds a session must not be
 * able to guess the password or code behind it without limit. Must run inside a transaction, whose lock on the
 * account's key makes parallel guesses wait for one another.
 */
public final class ReauthenticationCheck {

    /** What the check found. */
    public sealed interface Outcome {
        /** The password or code is right. */
        record Right() implements Outcome {
        }

        /** The password or code is wrong ({@code failed} is the index of the proof that failed); it is counted. */
        record Wrong(int failed) implements Outcome {
        }

        /** Too many wrong passwords or codes lately: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final LoginFailures failures;

    public ReauthenticationCheck(Clock clock, PasswordHasher passwordHasher, LoginFailures failures) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.failures = failures;
    }

    /**
     * Makes the account's re-authentications and two-factor changes wait for one another until the transaction
     * ends; taken before reading what they change, so that no two of them act on the same state.
     */
    public void lock(Account account) {
        failures.lock(key(account));
    }

    private static String key(Account account) {
        return "account:" + account.id();
    }

    public Outcome check(Account account, String password) {
        return check(account, password(account, password));
    }

    /** The proof that {@code password} is the account's. */
    public BooleanSupplier password(Account account, String password) {
        return () -> passwordHasher.matches(password, account.passwordHash());
    }

    /**
     * Runs the proofs in order (none when throttled) and counts the first that fails like a wrong password. The
     * failures of the account are forgotten only when all pass: a right password does not wipe out wrong codes.
     */
    public Outcome check(Account account, BooleanSupplier... proofs) {
        String key = key(account);
        failures.lock(key);
        Instant now = clock.instant();
        LoginFailures.Recent recent = failures.since(key, now.minus(LoginThrottle.WINDOW));
        Optional<Duration> wait = recent.last().flatMap(last -> LoginThrottle.waitForAddress(recent.count(), last, now));
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        for (int i = 0; i < proofs.length; i++) {
            if (!proofs[i].getAsBoolean()) {
                failures.record(key, now);
                return new Outcome.Wrong(i);
            }
        }
        failures.clear(key);
        return new Outcome.Right();
    }
}
