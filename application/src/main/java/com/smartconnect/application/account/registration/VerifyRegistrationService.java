package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.SignUpDetails;
import com.smartconnect.domain.registration.VerificationOutcome;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Verifies sign-ups: the right code creates the company and the active account, in one transaction. */
public final class VerifyRegistrationService implements VerifyRegistrationUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final RegistrationRepository registrations;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final CoworkerInvitationRepository invitations;

    @Inject
    public VerifyRegistrationService(Clock clock, RandomSource random, PasswordHasher passwordHasher, Transactions transactions,
            RegistrationRepository registrations, AccountRepository accounts, CompanyRepository companies,
            CoworkerInvitationRepository invitations) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.registrations = registrations;
        this.accounts = accounts;
        this.companies = companies;
        this.invitations = invitations;
    }

    @Override
    public VerificationResult verify(VerifyRegistrationCommand command) {
        if (!VerificationCodes.isWellFormed(command.code())) {
            return new VerificationResult.MalformedCode();
        }
        try {
            return transactions.inTransaction(() -> registrations.findForUpdate(command.registrationId())
                    .map(registration -> attempt(registration, command.code()))
                    .orElseGet(VerificationResult.NotFound::new));
        } catch (EmailTakenConcurrently lostRace) {
            return new VerificationResult.EmailTaken();
        }
    }

    private VerificationResult attempt(Registration registration, String code) {
        Instant now = clock.instant();
        boolean matches = passwordHasher.matches(code, registration.challenge().codeHash());
        VerificationOutcome outcome = registration.verify(matches, now);
        return switch (outcome) {
            case VerificationOutcome.Verified verified -> createAccount(verified.registration(), now);
            case VerificationOutcome.WrongCode wrong -> {
                registrations.update(wrong.registration());
                yield new VerificationResult.WrongCode(wrong.attemptsLeft());
            }
            case VerificationOutcome.Expired expired -> new VerificationResult.CodeExpired();
            case VerificationOutcome.TooManyAttempts exhausted -> new VerificationResult.TooManyAttempts();
            case VerificationOutcome.AlreadyVerified done -> new VerificationResult.AlreadyVerified();
        };
    }

    private VerificationResult createAccount(Registration verified, Instant now) {
        SignUpDetails details = verified.details().orElseThrow();
        if (accounts.existsWithEmail(verified.email())) {
            return new VerificationResult.EmailTaken();
        }
        CompanyId companyId;
        switch (details.membership()) {
            case Membership.FoundsCompany founds -> {
                Company company = new Company(new CompanyId(random.uuid()), founds.company(), now);
                companies.add(company);
                companyId = company.id();
            }
            case Membership.JoinsCompany joins -> {
                Optional<CoworkerInvitation> invitation = invitations.findById(joins.invitationId())
                        .filter(i -> i.isOpenAt(now));
                if (invitation.isEmpty() || !invitations.settle(invitation.get().accepted())) {
                    return new VerificationResult.InvitationNoLongerValid();
                }
                companyId = joins.companyId();
            }
        }
        Account account = new Account(new AccountId(random.uuid()), verified.email(), details.name(), details.country(),
                details.passwordHash(), companyId, details.marketingOptIn(), details.privacyAcceptedAt(), now);
        if (!accounts.add(account)) {
            // Another sign-up with this address was verified between our check and our insert.
            throw new EmailTakenConcurrently();
        }
        registrations.update(verified);
        return new VerificationResult.Verified(account.id());
    }

    /** Rolls back the company insert when the account insert lost a race; turned into {@code EmailTaken}. */
    private static final class EmailTakenConcurrently extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmailTakenConcurrently() {
            super(null, null, false, false);
        }
    }
}
