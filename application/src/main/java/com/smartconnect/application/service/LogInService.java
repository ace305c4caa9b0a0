package com.smartconnect.application.service;

import com.smartconnect.application.mail.MailId;
import com.smartconnect.application.mail.MailTemplate;
import com.smartconnect.application.mail.OutgoingMail;
import com.smartconnect.application.port.in.FieldError;
import com.smartconnect.application.port.in.LogInCommand;
import com.smartconnect.application.port.in.LogInResult;
import com.smartconnect.application.port.in.LogInUseCase;
import com.smartconnect.application.port.out.AccountRepository;
import com.smartconnect.application.port.out.LoginFailures;
import com.smartconnect.application.port.out.MailOutbox;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.port.out.RegistrationRepository;
import com.smartconnect.application.port.out.SessionRepository;
import com.smartconnect.application.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.session.LoginThrottle;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import com.smartconnect.domain.session.SessionPolicy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs people in. Every wrong login costs the same (one password hash, whether or not the address has an account)
 * and answers the same, so neither the answer nor its time tells who has an account. Failures are counted per
 * e-mail address and per client address; the fifth within 15 minutes makes further tries wait and mails the owner.
 */
public final class LogInService implements LogInUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final SessionRepository sessions;
    private final LoginFailures failures;
    private final MailOutbox outbox;
    private final SessionPolicy policy;
    /** Checked against when no account matches, so that a wrong address costs what a wrong password costs. */
    private volatile String decoyHash;

    @Inject
    public LogInService(Clock clock, RandomSource random, PasswordHasher passwordHasher, Transactions transactions,
            AccountRepository accounts, RegistrationRepository registrations, SessionRepository sessions,
            LoginFailures failures, MailOutbox outbox, SessionPolicy policy) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.sessions = sessions;
        this.failures = failures;
        this.outbox = outbox;
        this.policy = policy;
    }

    @Override
    public LogInResult logIn(LogInCommand command) {
        EmailAddress email;
        try {
            email = new EmailAddress(command.email());
        } catch (DomainViolation invalid) {
            return new LogInResult.Invalid(List.of(new FieldError("email", invalid.code(), invalid.getMessage())));
        }
        if (command.password().isEmpty()) {
            return new LogInResult.Invalid(List.of(new FieldError("password", "PASSWORD_REQUIRED", "Please enter your password.")));
        }
        Instant now = clock.instant();
        String addressKey = addressKey(email);
        Optional<String> clientKey = command.remoteAddress().map(address -> "client:" + address);
        // One attempt per address at a time: each sees the failures of those before it, so a burst of parallel
        // guesses is throttled like a sequence of them, and exactly one attempt is the fifth failure.
        return transactions.inTransaction(() -> {
            failures.lock(addressKey);
            Optional<Duration> wait = throttled(addressKey, clientKey, now);
            if (wait.isPresent()) {
                return new LogInResult.Throttled(wait.get());
            }
            Optional<Account> account = accounts.findByEmail(email);
            if (account.isPresent() && passwordHasher.matches(command.password(), account.get().passwordHash())) {
                return startSession(account.get(), addressKey, now);
            }
            if (account.isEmpty()) {
                Optional<Registration> pending = registrations.latestPendingForNewAccount(email);
                String hash = pending.map(r -> r.details().orElseThrow().passwordHash()).orElseGet(this::decoyHash);
                if (passwordHasher.matches(command.password(), hash) && pending.isPresent()) {
                    return new LogInResult.NotVerified(pending.get().id());
                }
            }
            recordFailure(addressKey, clientKey, account, now);
            return new LogInResult.InvalidCredentials();
        });
    }

    /** The key under which the failed logins of an address are counted. */
    static String addressKey(EmailAddress email) {
        return "email:" + email.value();
    }

    private Optional<Duration> throttled(String addressKey, Optional<String> clientKey, Instant now) {
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

    private LogInResult startSession(Account account, String addressKey, Instant now) {
        String token = SecretTokens.newToken(random);
        Session session = Session.start(new SessionId(random.uuid()), SecretTokens.hash(token), account.id(), now, policy);
        transactions.inTransaction(() -> {
            sessions.add(session);
            failures.clear(addressKey);
            return null;
        });
        return new LogInResult.LoggedIn(token, account.id(), session.expiresAt());
    }

    private void recordFailure(String addressKey, Optional<String> clientKey, Optional<Account> account, Instant now) {
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

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = passwordHasher.hash(SecretTokens.newToken(random));
            decoyHash = hash;
        }
        return hash;
    }
}
