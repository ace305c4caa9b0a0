package com.smartconnect.application.account;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeCommand;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeResult;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.account.port.in.RequestEmailChangeCommand;
import com.smartconnect.application.account.port.in.RequestEmailChangeResult;
import com.smartconnect.application.account.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.EmailChangeRepository;
import com.smartconnect.application.account.registration.VerificationCodes;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.EmailChange;
import com.smartconnect.domain.common.CodeChallenge;
import com.smartconnect.domain.common.DomainViolation;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes of e-mail address: the password is asked again (throttled like a login), a code goes to the new address
 * and a notice to the current one, and the address changes only when the code is entered. A new address that has an
 * account gets a note instead of a code, after the same work, so the answer does not tell.
 */
public final class EmailChangeService implements RequestEmailChangeUseCase, ConfirmEmailChangeUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final EmailChangeRepository changes;
    private final MailOutbox outbox;
    private final ReauthenticationCheck currentPassword;
    private final Set<AccountDependents> dependents;

    @Inject
    public EmailChangeService(Clock clock, RandomSource random, PasswordHasher passwordHasher, Transactions transactions,
            AccountRepository accounts, EmailChangeRepository changes, LoginFailures failures, MailOutbox outbox,
            Set<AccountDependents> dependents) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.accounts = accounts;
        this.changes = changes;
        this.outbox = outbox;
        this.currentPassword = new ReauthenticationCheck(clock, passwordHasher, failures);
        this.dependents = Set.copyOf(dependents);
    }

    @Override
    public RequestEmailChangeResult request(RequestEmailChangeCommand command) {
        Account account = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        EmailAddress newEmail;
        try {
            newEmail = new EmailAddress(command.newEmail());
        } catch (DomainViolation invalid) {
            return new RequestEmailChangeResult.Invalid(new FieldError("newEmail", invalid.code(), invalid.getMessage()));
        }
        if (newEmail.equals(account.email())) {
            return new RequestEmailChangeResult.Invalid(new FieldError("newEmail", "SAME_EMAIL",
                    "This is already your email address."));
        }
        String code = random.digits(VerificationCodes.LENGTH);
        String codeHash = passwordHasher.hash(code);
        return transactions.inTransaction(() -> {
            switch (currentPassword.check(account, command.password())) {
                case ReauthenticationCheck.Outcome.Throttled throttled -> {
                    return new RequestEmailChangeResult.Throttled(throttled.retryAfter());
                }
                case ReauthenticationCheck.Outcome.Wrong wrong -> {
                    return new RequestEmailChangeResult.PasswordIncorrect();
                }
                case ReauthenticationCheck.Outcome.Right right -> {
                }
            }
            boolean taken = accounts.existsWithEmail(newEmail);
            changes.replace(EmailChange.request(random.uuid(), account.id(), newEmail, taken, codeHash, clock.instant()));
            outbox.enqueue(taken
                    ? mail(newEmail, MailTemplate.EMAIL_CHANGE_ADDRESS_TAKEN, Map.of())
                    : mail(newEmail, MailTemplate.EMAIL_CHANGE_CODE, Map.of(
                            "firstName", account.name().first(),
                            "code", code,
                            "validMinutes", Long.toString(CodeChallenge.VALIDITY.toMinutes()))));
            outbox.enqueue(mail(account.email(), MailTemplate.EMAIL_CHANGE_REQUESTED, Map.of(
                    "firstName", account.name().first(), "newEmail", newEmail.value())));
            return new RequestEmailChangeResult.CodeSent();
        });
    }

    @Override
    public ConfirmEmailChangeResult confirm(ConfirmEmailChangeCommand command) {
        if (!VerificationCodes.isWellFormed(command.code())) {
            return new ConfirmEmailChangeResult.MalformedCode();
        }
        return transactions.inTransaction(() -> {
            Optional<EmailChange> pending = changes.findForUpdate(command.user().accountId());
            if (pending.isEmpty()) {
                return new ConfirmEmailChangeResult.NoChangeRequested();
            }
            Instant now = clock.instant();
            boolean matches = passwordHasher.matches(command.code(), pending.get().challenge().codeHash());
            EmailChange.Tried tried = pending.get().attempt(matches, now);
            return switch (tried.outcome()) {
                case TOO_MANY_ATTEMPTS -> new ConfirmEmailChangeResult.TooManyAttempts();
                case EXPIRED -> new ConfirmEmailChangeResult.CodeExpired();
                case WRONG_CODE -> {
                    changes.update(tried.change());
                    yield new ConfirmEmailChangeResult.WrongCode(tried.change().challenge().attemptsLeft());
                }
                case CONFIRMED -> confirmed(tried.change());
            };
        });
    }

    private ConfirmEmailChangeResult confirmed(EmailChange change) {
        changes.deleteFor(change.accountId());
        Account before = accounts.findById(change.accountId()).orElseThrow(AccountNoLongerExists::new);
        if (!accounts.updateEmail(change.accountId(), change.newEmail())) {
            // Someone signed up with the address since the code was sent: the code can no longer be honoured.
            return new ConfirmEmailChangeResult.CodeExpired();
        }
        // What other contexts write to at the old address (the Event Notifications) follows to the new one.
        dependents.forEach(dependent -> dependent.emailChanged(before, change.newEmail()));
        return new ConfirmEmailChangeResult.Changed(change.newEmail());
    }

    private OutgoingMail mail(EmailAddress to, MailTemplate template, Map<String, String> values) {
        return new OutgoingMail(new MailId(random.uuid()), to, template, values);
    }
}
