package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.ReauthenticationCheck;
import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorQuery;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import com.smartconnect.domain.twofactor.TotpSecret;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns two-factor authentication on, in two steps: the chosen method is set up (an authenticator secret is made, or
 * a code is mailed), then the first correct code confirms that the person really receives codes, and only then is it
 * on. Confirming issues the recovery codes and counts as passing two-factor authentication in that session.
 */
public final class TwoFactorEnrolmentService
        implements StartTwoFactorEnrolmentUseCase, ConfirmTwoFactorEnrolmentUseCase, TwoFactorQuery {

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final TwoFactorRepository settings;
    private final SessionRepository sessions;
    private final MailOutbox outbox;
    private final SecondFactor secondFactor;
    private final ReauthenticationCheck reauthentication;

    @Inject
    public TwoFactorEnrolmentService(Clock clock, RandomSource random, PasswordHasher passwordHasher,
            Transactions transactions, AccountRepository accounts, TwoFactorRepository settings,
            SessionRepository sessions, LoginFailures failures, MailOutbox outbox, SecondFactor secondFactor) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.settings = settings;
        this.sessions = sessions;
        this.outbox = outbox;
        this.secondFactor = secondFactor;
        this.reauthentication = new ReauthenticationCheck(clock, passwordHasher, failures);
    }

    @Override
    public StartTwoFactorEnrolmentResult start(StartTwoFactorEnrolmentCommand command) {
        Account account = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            reauthentication.lock(account);
            if (settings.findByAccount(account.id()).filter(TwoFactorSetting::enabled).isPresent()) {
                return new StartTwoFactorEnrolmentResult.AlreadyOn();
            }
            Instant now = clock.instant();
            if (command.method() == TwoFactorMethod.TOTP) {
                TotpSecret secret = secondFactor.newTotpSecret();
                TwoFactorSetting enrolment = TwoFactorSetting.enrolment(account.id(), TwoFactorMethod.TOTP,
                        Optional.of(secondFactor.seal(secret, account.id())), now);
                settings.save(enrolment);
                return new StartTwoFactorEnrolmentResult.AuthenticatorSecret(secret.base32(),
                        secret.otpauthUri(SecondFactor.ISSUER, account.email().value()), enrolment.enrolmentExpiresAt());
            }
            TwoFactorSetting enrolment = TwoFactorSetting.enrolment(account.id(), TwoFactorMethod.EMAIL, Optional.empty(), now);
            settings.save(enrolment);
            MailedCode mailed = secondFactor.mailCode(account, CodePurpose.ENROLMENT);
            return new StartTwoFactorEnrolmentResult.CodeMailed(mailed.expiresAt());
        });
    }

    @Override
    public ConfirmTwoFactorEnrolmentResult confirm(ConfirmTwoFactorEnrolmentCommand command) {
        Account account = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            // Before reading: a start or another confirmation at the same time waits, and then sees this one's result.
            reauthentication.lock(account);
            Optional<TwoFactorSetting> pending = settings.findByAccount(account.id())
                    .filter(setting -> setting.isPendingAt(clock.instant()));
            if (pending.isEmpty()) {
                return new ConfirmTwoFactorEnrolmentResult.NoEnrolment();
            }
            TwoFactorSetting enrolment = pending.get();
            ReauthenticationCheck.Outcome outcome = reauthentication.check(account,
                    () -> secondFactor.accepts(enrolment, command.code(), CodePurpose.ENROLMENT));
            return switch (outcome) {
                case ReauthenticationCheck.Outcome.Throttled throttled ->
                        new ConfirmTwoFactorEnrolmentResult.Throttled(throttled.retryAfter());
                case ReauthenticationCheck.Outcome.Wrong wrong -> new ConfirmTwoFactorEnrolmentResult.CodeIncorrect();
                case ReauthenticationCheck.Outcome.Right right -> enable(account, command);
            };
        });
    }

    private ConfirmTwoFactorEnrolmentResult enable(Account account, ConfirmTwoFactorEnrolmentCommand command) {
        // Read again: accepting an authenticator code recorded its step, which must stay used.
        TwoFactorSetting enrolment = settings.findByAccount(account.id()).orElseThrow();
        settings.save(enrolment.confirmed());
        List<String> recoveryCodes = secondFactor.issueRecoveryCodes(account);
        sessions.markTwoFactorPassed(command.user().sessionId());
        outbox.enqueue(new OutgoingMail(new MailId(random.uuid()), account.email(), MailTemplate.TWO_FACTOR_ENABLED, Map.of(
                "firstName", account.name().first(),
                "method", enrolment.method() == TwoFactorMethod.TOTP ? "an authenticator app" : "email")));
        return new ConfirmTwoFactorEnrolmentResult.Enabled(recoveryCodes);
    }

    @Override
    public TwoFactorStatus statusOf(AccountId accountId) {
        Optional<TwoFactorSetting> setting = settings.findByAccount(accountId);
        Instant now = clock.instant();
        Optional<TwoFactorSetting> on = setting.filter(TwoFactorSetting::enabled);
        return new TwoFactorStatus(
                on.map(TwoFactorSetting::method),
                on.isPresent() ? settings.countRecoveryCodes(accountId) : 0,
                setting.filter(s -> s.isPendingAt(now))
                        .map(s -> new TwoFactorStatus.PendingEnrolment(s.method(), s.enrolmentExpiresAt())));
    }

    @Override
    public Optional<String> pendingOtpauthUri(AccountId accountId) {
        Instant now = clock.instant();
        return settings.findByAccount(accountId)
                .filter(s -> s.isPendingAt(now) && s.method() == TwoFactorMethod.TOTP)
                .flatMap(s -> accounts.findById(accountId)
                        .map(account -> secondFactor.unseal(s).otpauthUri(SecondFactor.ISSUER, account.email().value())));
    }
}
