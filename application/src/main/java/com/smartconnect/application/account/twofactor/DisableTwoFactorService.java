package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.ReauthenticationCheck;
import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorCommand;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorResult;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Turns two-factor authentication off, with the password and a code. Afterwards no session counts as having passed
 * it, the recovery codes are void, and the owner is told by mail.
 */
public final class DisableTwoFactorService implements DisableTwoFactorUseCase {

    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final TwoFactorRepository twoFactor;
    private final MailedCodeRepository mailedCodes;
    private final LoginChallengeRepository challenges;
    private final SessionRepository sessions;
    private final MailOutbox outbox;
    private final SecondFactor secondFactor;
    private final ReauthenticationCheck reauthentication;

    @Inject
    public DisableTwoFactorService(Clock clock, RandomSource random, PasswordHasher passwordHasher,
            Transactions transactions, AccountRepository accounts, TwoFactorRepository twoFactor,
            MailedCodeRepository mailedCodes, LoginChallengeRepository challenges, SessionRepository sessions,
            LoginFailures failures, MailOutbox outbox, SecondFactor secondFactor) {
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.mailedCodes = mailedCodes;
        this.challenges = challenges;
        this.sessions = sessions;
        this.outbox = outbox;
        this.secondFactor = secondFactor;
        this.reauthentication = new ReauthenticationCheck(clock, passwordHasher, failures);
    }

    @Override
    public DisableTwoFactorResult disable(DisableTwoFactorCommand command) {
        Account account = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            reauthentication.lock(account);
            Optional<TwoFactorSetting> on = twoFactor.findByAccount(account.id()).filter(TwoFactorSetting::enabled);
            if (on.isEmpty()) {
                return new DisableTwoFactorResult.NotOn();
            }
            switch (reauthentication.check(account, reauthentication.password(account, command.password()),
                    () -> secondFactor.accepts(on.get(), command.code(), CodePurpose.CONFIRMATION))) {
                case ReauthenticationCheck.Outcome.Throttled throttled -> {
                    return new DisableTwoFactorResult.Throttled(throttled.retryAfter());
                }
                case ReauthenticationCheck.Outcome.Wrong wrong -> {
                    return wrong.failed() == 0
                            ? new DisableTwoFactorResult.PasswordIncorrect()
                            : new DisableTwoFactorResult.CodeIncorrect();
                }
                case ReauthenticationCheck.Outcome.Right right -> {
                }
            }
            twoFactor.delete(account.id());
            mailedCodes.deleteAllOf(account.id());
            challenges.deleteAllOf(account.id());
            sessions.clearTwoFactorPassed(account.id());
            outbox.enqueue(new OutgoingMail(new MailId(random.uuid()), account.email(), MailTemplate.TWO_FACTOR_DISABLED,
                    Map.of("firstName", account.name().first())));
            return new DisableTwoFactorResult.Disabled();
        });
    }
}
