package com.smartconnect.application.account.session;

import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.session.LoginThrottle;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import com.smartconnect.domain.session.SessionPolicy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What both steps of a login share: the throttle on failed tries per e-mail address and per client address (a wrong
 * code counts like a wrong password, so knowing the password does not buy unlimited guesses at the code), the mail
 * to the owner when an address starts waiting, and the start of a session.
 */
public final class LoginAttempts {

    private final RandomSource random;
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final LoginFailures failures;
    private final MailOutbox outbox;
    private final SessionPolicy policy;

    @Inject
    public LoginAttempts(RandomSource random, Transactions transactions, SessionRepository sessions,
            LoginFailures failures, MailOutbox outbox, SessionPolicy policy) {
        this.random = random;
        this.transactions = transactions;
        this.sessions = sessions;
        this.failures = failures;
        this.outbox = outbox;
        this.policy = policy;
    }

    /** The key under which the failed logins of an address are counted. */
    public static String addressKey(EmailAddress email) {
        return "email:" + email.value();
    }

    static Optional<String> clientKey(Optional<String> remoteAddress) {
        return remoteAddress.map(address -> "client:" + address);
    }

    /**
     * Makes the attempts on one address wait for one another until the transaction ends: each sees the failures of
     * those before it, so a burst of parallel guesses is throttled like a sequence of them.
     */
    void lock(String addressKey) {
        failures.lock(addressKey);
    }

    /** How long this address or client must wait before its next try; empty when it may try now. */
    Optional<Duration> throttled(String addressKey, Optional<String> clientKey, Instant now) {
        Instant windowStart = now.minus(LoginThrottle.WINDOW);
        LoginFailures.Recent forAddress = failures.since(addressKey, windowStart);
        Optional<Duration> wait = forAddress.last()
                .flatMap(last -> LoginThrottle.waitForAddress(forAddress.count(), last, now));
        if (wait.isPresent()) {
            return wait;
        }
        return clientKey.map(key -> failures.since(key, windowStart))
                .filter(recent -> LoginThrottle.clientMustWait(recent.count()))
                .flatMap(LoginFailures.Recent::last)
                .map(last -> Duration.between(now, last.plus(LoginThrottle.WINDOW)));
    }

    /** Starts a session of {@code account} and forgets the address's failures; returns the session and its token. */
    Started startSession(Account account, boolean twoFactorPassed, Instant now) {
        String token = SecretTokens.newToken(random);
        Session started = Session.start(new SessionId(random.uuid()), SecretTokens.hash(token), account.id(), now, policy);
        Session session = twoFactorPassed ? started.withTwoFactorPassed() : started;
        transactions.inTransaction(() -> {
            sessions.add(session);
            failures.clear(addressKey(account.email()));
            return null;
        });
        return new Started(token, session);
    }

    /** Counts a failed try; when it is the one that makes the address wait, the owner (if any) is told by mail. */
    void recordFailure(String addressKey, Optional<String> clientKey, Optional<Account> account, Instant now) {
        transactions.inTransaction(() -> {
            failures.record(addressKey, now);
            clientKey.ifPresent(key -> failures.record(key, now));
            int recent = failures.since(addressKey, now.minus(LoginThrottle.WINDOW)).count();
            account.filter(owner -> LoginThrottle.startsWaiting(recent)).ifPresent(owner -> outbox.enqueue(
                    new OutgoingMail(new MailId(random.uuid()), owner.email(), MailTemplate.LOGIN_ATTEMPTS_WARNING, Map.of(
                            "firstName", owner.name().first(),
                            "failedAttempts", Integer.toString(recent),
                            "windowMinutes", Long.toString(LoginThrottle.WINDOW.toMinutes())))));
            return null;
        });
    }

    /** A session just started, and the token that is its secret. */
    record Started(String token, Session session) {
    }
}
