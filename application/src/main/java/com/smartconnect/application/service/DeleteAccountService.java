package com.smartconnect.application.service;

import com.smartconnect.application.port.in.AccountNoLongerExists;
import com.smartconnect.application.port.in.DeleteAccountCommand;
import com.smartconnect.application.port.in.DeleteAccountResult;
import com.smartconnect.application.port.in.DeleteAccountUseCase;
import com.smartconnect.application.port.out.AccountDeletions;
import com.smartconnect.application.port.out.AccountRepository;
import com.smartconnect.application.port.out.CompanyRepository;
import com.smartconnect.application.port.out.CoworkerInvitationRepository;
import com.smartconnect.application.port.out.LoginFailures;
import com.smartconnect.application.port.out.MailOutbox;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.port.out.RegistrationRepository;
import com.smartconnect.application.port.out.SessionRepository;
import com.smartconnect.application.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes accounts, in one transaction. The confirmation mail is the one thing written about the person, and the
 * outbox erases its address once it is sent.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final RegistrationRepository registrations;
    private final SessionRepository sessions;
    private final LoginFailures loginFailures;
    private final AccountDeletions deletions;
    private final CoworkerInvitationRepository invitations;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final CurrentPasswordCheck currentPassword;

    @Inject
    public DeleteAccountService(Clock clock, RandomSource random, PasswordHasher passwordHasher,
            Transactions transactions, AccountRepository accounts, CompanyRepository companies,
            RegistrationRepository registrations, SessionRepository sessions, LoginFailures loginFailures,
            AccountDeletions deletions, CoworkerInvitationRepository invitations, MailOutbox outbox, AccountMails mails) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
        this.registrations = registrations;
        this.sessions = sessions;
        this.loginFailures = loginFailures;
        this.deletions = deletions;
        this.invitations = invitations;
        this.outbox = outbox;
        this.mails = mails;
        this.currentPassword = new CurrentPasswordCheck(clock, passwordHasher, loginFailures);
    }

    @Override
    public DeleteAccountResult delete(DeleteAccountCommand command) {
        Account account = accounts.findById(command.user().accountId())
                .orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            switch (currentPassword.check(account, command.password())) {
                case CurrentPasswordCheck.Outcome.Throttled throttled -> {
                    return new DeleteAccountResult.Throttled(throttled.retryAfter());
                }
                case CurrentPasswordCheck.Outcome.Wrong wrong -> {
                    return new DeleteAccountResult.PasswordIncorrect();
                }
                case CurrentPasswordCheck.Outcome.Right right -> {
                }
            }
            companies.lock(account.companyId());
            sessions.deleteAllOf(account.id());
            registrations.deleteAllOf(account.email());
            loginFailures.clear(LogInService.addressKey(account.email()));
            invitations.deleteAllTo(account.email());
            outbox.forgetSettledMailsTo(account.email());
            if (!accounts.delete(account.id())) {
                // A second click on "Delete My Account" that waited for the first: that one did it all, and throwing
                // rolls back whatever this one touched, so nothing is recorded or mailed twice.
                throw new AccountNoLongerExists();
            }
            if (accounts.countInCompany(account.companyId()) == 0) {
                companies.delete(account.companyId());
            }
            deletions.record(random.uuid(), clock.instant());
            outbox.enqueue(mails.accountDeleted(account));
            return new DeleteAccountResult.Deleted();
        });
    }
}
