package com.smartconnect.application.account;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.in.DeleteAccountCommand;
import com.smartconnect.application.account.port.in.DeleteAccountResult;
import com.smartconnect.application.account.port.in.DeleteAccountUseCase;
import com.smartconnect.application.account.port.out.AccountDeletions;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Deletes accounts, in one transaction, after the password and (when two-factor authentication is on) a code. The confirmation mail is the one thing written about the person, and the
 * outbox erases its address once it is sent.
 *
 * <p>What the account's sub-features and the contexts above it keep of the account goes through their
 * {@link AccountDependents}, stage by stage ({@link AccountDependents.ErasureStage}); this service keeps the
 * re-authentication, the company, the account itself, the deletion record and the confirmation mail.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final AccountDeletions deletions;
    private final MailOutbox outbox;
    private final AccountMails mails;
    private final TwoFactorRepository twoFactor;
    private final SecondFactor secondFactor;
    private final List<AccountDependents> erasures;
    private final ReauthenticationCheck currentPassword;

    @Inject
    public DeleteAccountService(Clock clock, RandomSource random, PasswordHasher passwordHasher,
            Transactions transactions, AccountRepository accounts, CompanyRepository companies,
            LoginFailures loginFailures, AccountDeletions deletions, MailOutbox outbox, AccountMails mails,
            TwoFactorRepository twoFactor, SecondFactor secondFactor, Set<AccountDependents> dependents) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
        this.deletions = deletions;
        this.outbox = outbox;
        this.mails = mails;
        this.twoFactor = twoFactor;
        this.secondFactor = secondFactor;
        this.erasures = inErasureOrder(dependents);
        this.currentPassword = new ReauthenticationCheck(clock, passwordHasher, loginFailures);
    }

    /** By stage; a stable sort, so erasures that share a stage keep the order they were given in. */
    static List<AccountDependents> inErasureOrder(Set<AccountDependents> dependents) {
        List<AccountDependents> ordered = new ArrayList<>(dependents);
        ordered.sort(Comparator.comparing(AccountDependents::erasureStage));
        return List.copyOf(ordered);
    }

    @Override
    public DeleteAccountResult delete(DeleteAccountCommand command) {
        Account account = accounts.findById(command.user().accountId())
                .orElseThrow(AccountNoLongerExists::new);
        return transactions.inTransaction(() -> {
            currentPassword.lock(account);
            Optional<TwoFactorSetting> twoFactorOn = twoFactor.findByAccount(account.id()).filter(TwoFactorSetting::enabled);
            if (twoFactorOn.isPresent() && command.code().isEmpty()) {
                return new DeleteAccountResult.SecondFactorRequired();
            }
            BooleanSupplier password = currentPassword.password(account, command.password());
            ReauthenticationCheck.Outcome outcome = twoFactorOn.isEmpty()
                    ? currentPassword.check(account, password)
                    : currentPassword.check(account, password, () -> secondFactor.accepts(twoFactorOn.get(),
                            command.code().orElseThrow(), CodePurpose.CONFIRMATION));
            switch (outcome) {
                case ReauthenticationCheck.Outcome.Throttled throttled -> {
                    return new DeleteAccountResult.Throttled(throttled.retryAfter());
                }
                case ReauthenticationCheck.Outcome.Wrong wrong -> {
                    return wrong.failed() == 0
                            ? new DeleteAccountResult.PasswordIncorrect()
                            : new DeleteAccountResult.CodeIncorrect();
                }
                case ReauthenticationCheck.Outcome.Right right -> {
                }
            }
            companies.lock(account.companyId());
            erasures.forEach(erasure -> erasure.erase(account));
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
