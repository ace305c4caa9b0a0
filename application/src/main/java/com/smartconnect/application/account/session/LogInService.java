package com.smartconnect.application.account.session;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.session.port.in.LogInUseCase;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.LoginChallenge;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logs people in. Every wrong login costs the same (one password hash, whether or not the address has an account)
 * and answers the same, so neither the answer nor its time tells who has an account. Failures are counted per
 * e-mail address and per client address; the fifth within 15 minutes makes further tries wait and mails the owner.
 * With two-factor authentication on, the right password opens a login challenge instead of a session.
 */
public final class LogInService implements LogInUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final TwoFactorRepository twoFactor;
    private final LoginChallengeRepository challenges;
    private final SecondFactor secondFactor;
    private final LoginAttempts attempts;
    /** Checked against when no account matches, so that a wrong address costs what a wrong password costs. */
    private volatile String decoyHash;

    @Inject
    public LogInService(Clock clock, RandomSource random, PasswordHasher passwordHasher, Transactions transactions,
            AccountRepository accounts, RegistrationRepository registrations, TwoFactorRepository twoFactor,
            LoginChallengeRepository challenges, SecondFactor secondFactor, LoginAttempts attempts) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.secondFactor = secondFactor;
        this.attempts = attempts;
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
        String addressKey = LoginAttempts.addressKey(email);
        Optional<String> clientKey = LoginAttempts.clientKey(command.remoteAddress());
        return transactions.inTransaction(() -> {
            attempts.lock(addressKey);
            Optional<Duration> wait = attempts.throttled(addressKey, clientKey, now);
            if (wait.isPresent()) {
                return new LogInResult.Throttled(wait.get());
            }
            Optional<Account> account = accounts.findByEmail(email);
            if (account.isPresent() && passwordHasher.matches(command.password(), account.get().passwordHash())) {
                return passedPassword(account.get(), now);
            }
            if (account.isEmpty()) {
                Optional<Registration> pending = registrations.latestPendingForNewAccount(email);
                String hash = pending.map(r -> r.details().orElseThrow().passwordHash()).orElseGet(this::decoyHash);
                if (passwordHasher.matches(command.password(), hash) && pending.isPresent()) {
                    return new LogInResult.NotVerified(pending.get().id());
                }
            }
            attempts.recordFailure(addressKey, clientKey, account, now);
            return new LogInResult.InvalidCredentials();
        });
    }

    private LogInResult passedPassword(Account account, Instant now) {
        Optional<TwoFactorSetting> on = twoFactor.findByAccount(account.id()).filter(TwoFactorSetting::enabled);
        if (on.isEmpty()) {
            LoginAttempts.Started started = attempts.startSession(account, false, now);
            return new LogInResult.LoggedIn(started.token(), account.id(), started.session().expiresAt());
        }
        // The address's failures are not forgotten yet: only the second step, passed, does that.
        String token = SecretTokens.newToken(random);
        LoginChallenge challenge = LoginChallenge.start(random.uuid(), SecretTokens.hash(token), account.id(),
                on.get().method(), now);
        challenges.add(challenge);
        // A code mailed within the last minute still works: logging in again does not mail another, so knowing the
        // password is not a way to flood the owner's mailbox (nor to reset the code's count of wrong tries).
        if (on.get().method() == TwoFactorMethod.EMAIL && secondFactor.recentCode(account, CodePurpose.LOGIN).isEmpty()) {
            secondFactor.mailCode(account, CodePurpose.LOGIN);
        }
        return new LogInResult.SecondFactorRequired(token, on.get().method(), challenge.expiresAt());
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
