package com.smartconnect.application.account;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.in.ChangePasswordCommand;
import com.smartconnect.application.account.port.in.ChangePasswordResult;
import com.smartconnect.application.account.port.in.ChangePasswordUseCase;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Changes the password of the logged-in user: the current password is asked again, the policy applies, and every
 * other session of the account ends, so a session someone else may hold does not survive the change.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final PasswordResetRepository resets;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    /** Logins that passed the old password and wait for their code end with it. */
    private final LoginChallengeRepository challenges;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final ReauthenticationCheck currentPassword;

    @Inject
    public ChangePasswordService(Clock clock, PasswordHasher passwordHasher, Transactions transactions,
            AccountRepository accounts, SessionRepository sessions, PasswordResetRepository resets, MailOutbox outbox,
            AccountMails mails, LoginFailures failures, LoginChallengeRepository challenges) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.resets = resets;
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.challenges = challenges;
        this.outbox = outbox;
        this.mails = mails;
        this.currentPassword = new ReauthenticationCheck(clock, passwordHasher, failures);
    }

    @Override
    public ChangePasswordResult change(ChangePasswordCommand command) {
        Account account = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            switch (currentPassword.check(account, command.currentPassword())) {
                case ReauthenticationCheck.Outcome.Throttled throttled -> {
                    return new ChangePasswordResult.Throttled(throttled.retryAfter());
                }
                case ReauthenticationCheck.Outcome.Wrong wrong -> {
                    return new ChangePasswordResult.CurrentPasswordIncorrect();
                }
                case ReauthenticationCheck.Outcome.Right right -> {
                }
            }
            List<FieldError> weak = NewPasswords.violations(account, command.newPassword(), "newPassword");
            if (!weak.isEmpty()) {
                return new ChangePasswordResult.WeakPassword(weak);
            }
            accounts.updatePasswordHash(account.id(), passwordHasher.hash(command.newPassword()));
            // Challenges first, as in a reset: a second step in flight is waited for, and its session ended.
            challenges.deleteAllOf(account.id());
            sessions.deleteAllOfExcept(account.id(), command.user().sessionId());
            // A reset link asked for before the change must not undo it.
            resets.markAllUsed(account.id(), clock.instant());
            outbox.enqueue(mails.passwordChanged(account));
            return new ChangePasswordResult.Changed();
        });
    }
}
