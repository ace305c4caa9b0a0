package com.smartconnect.application.account.session;

import com.smartconnect.application.account.AccountMails;
import com.smartconnect.application.account.NewPasswords;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.account.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.account.session.port.in.PasswordResetRequestResult;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetCommand;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.account.session.port.in.ResetPasswordCommand;
import com.smartconnect.application.account.session.port.in.ResetPasswordResult;
import com.smartconnect.application.account.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.MailPreparer;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.session.PasswordReset;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Password reset by e-mail. A request always gets the same answer after the same work: it only records the request
 * in the mail outbox, whatever the address. Mail delivery then prepares it here ({@link MailPreparer}): only an
 * address with an account is mailed a link, at most three an hour. The link works once, for an hour; setting the
 * password through it retires every other link of the account, ends all its sessions and mails a confirmation.
 */
public final class PasswordResetService implements RequestPasswordResetUseCase, ResetPasswordUseCase,
        PasswordResetLinkQuery, MailPreparer {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final CaptchaVerifier captcha;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final PasswordResetRepository resets;
    private final SessionRepository sessions;
    /** Logins that passed the old password and wait for their code end with it. */
    private final LoginChallengeRepository challenges;
    private final MailOutbox outbox;
    private final AccountMails mails;

    @Inject
    public PasswordResetService(Clock clock, RandomSource random, PasswordHasher passwordHasher, CaptchaVerifier captcha,
            Transactions transactions, AccountRepository accounts, PasswordResetRepository resets,
            SessionRepository sessions, MailOutbox outbox, AccountMails mails, LoginChallengeRepository challenges) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.captcha = captcha;
        this.transactions = transactions;
        this.accounts = accounts;
        this.resets = resets;
        this.sessions = sessions;
        this.challenges = challenges;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public PasswordResetRequestResult request(RequestPasswordResetCommand command) {
        EmailAddress email;
        try {
            email = new EmailAddress(command.email());
        } catch (DomainViolation invalid) {
            return new PasswordResetRequestResult.Invalid(List.of(new FieldError("email", invalid.code(), invalid.getMessage())));
        }
        if (!captcha.verify(command.captchaToken(), command.remoteAddress())) {
            return new PasswordResetRequestResult.CaptchaFailed();
        }
        // Whether the address has an account is decided at delivery, where no one waits on it: looking it up here
        // would make the answer slower for an address with an account.
        OutgoingMail request = new OutgoingMail(new MailId(random.uuid()), email, MailTemplate.PASSWORD_RESET_REQUESTED,
                Map.of());
        transactions.inTransaction(() -> {
            outbox.enqueue(request);
            return null;
        });
        return new PasswordResetRequestResult.Accepted();
    }

    @Override
    public Set<MailTemplate> prepares() {
        return Set.of(MailTemplate.PASSWORD_RESET_REQUESTED);
    }

    /** A link for an address with an account that had fewer than three this hour; nothing otherwise. */
    @Override
    public Optional<OutgoingMail> prepare(OutgoingMail request) {
        return accounts.findByEmail(request.to()).flatMap(this::link);
    }

    private Optional<OutgoingMail> link(Account account) {
        Instant now = clock.instant();
        if (resets.countCreatedSince(account.id(), now.minus(PasswordReset.REQUEST_WINDOW)) >= PasswordReset.MAX_REQUESTS) {
            return Optional.empty();
        }
        String token = SecretTokens.newToken(random);
        resets.add(PasswordReset.issue(random.uuid(), SecretTokens.hash(token), account.id(), now));
        return Optional.of(mails.passwordReset(account, token));
    }

    @Override
    public boolean isUsable(String token) {
        return resets.findByTokenHash(SecretTokens.hash(token)).filter(r -> r.isUsableAt(clock.instant())).isPresent();
    }

    @Override
    public ResetPasswordResult reset(ResetPasswordCommand command) {
        String tokenHash = SecretTokens.hash(command.token());
        Optional<Account> account = resets.findByTokenHash(tokenHash)
                .filter(r -> r.isUsableAt(clock.instant()))
                .flatMap(r -> accounts.findById(r.accountId()));
        if (account.isEmpty()) {
            return new ResetPasswordResult.LinkNotUsable();
        }
        List<FieldError> weak = NewPasswords.violations(account.get(), command.newPassword(), "password");
        if (!weak.isEmpty()) {
            return new ResetPasswordResult.WeakPassword(weak);
        }
        // Hashed before the transaction, which then checks the link again under a lock: two tabs posting the form
        // at once set one password, and the second is told the link was used.
        String newHash = passwordHasher.hash(command.newPassword());
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<PasswordReset> reset = resets.findByTokenHashForUpdate(tokenHash).filter(r -> r.isUsableAt(now));
            if (reset.isEmpty()) {
                return new ResetPasswordResult.LinkNotUsable();
            }
            accounts.updatePasswordHash(account.get().id(), newHash);
            resets.markAllUsed(account.get().id(), now);
            // Challenges first: a second step in flight holds its challenge's lock, so this waits for it, and the
            // session it may have started is then ended with the others.
            challenges.deleteAllOf(account.get().id());
            sessions.deleteAllOf(account.get().id());
            outbox.enqueue(mails.passwordChanged(account.get()));
            return new ResetPasswordResult.Done();
        });
    }
}
