package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.CompanyInputs;
import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.application.common.FieldValidation;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PasswordPolicy;
import com.smartconnect.domain.account.PasswordRule;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.common.Text;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.SignUpDetails;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signs people up. A sign-up with an address that already has an account is answered exactly like a new one
 * (same answer, same work: the password and a code are hashed all the same), but mails a note instead of a code.
 */
public final class SignUpService implements SignUpUseCase {

    static final String PRIVACY_NOT_ACCEPTED = "PRIVACY_NOT_ACCEPTED";
    static final String INVITATION_EXPIRED = "INVITATION_EXPIRED";

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final CaptchaVerifier captcha;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final MailOutbox outbox;
    private final SignUpMails mails;
    private final CoworkerInvitationRepository invitations;

    @Inject
    public SignUpService(Clock clock, RandomSource random, PasswordHasher passwordHasher, CaptchaVerifier captcha,
            Transactions transactions, AccountRepository accounts, RegistrationRepository registrations,
            MailOutbox outbox, SignUpMails mails, CoworkerInvitationRepository invitations) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.captcha = captcha;
        this.transactions = transactions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.outbox = outbox;
        this.mails = mails;
        this.invitations = invitations;
    }

    @Override
    public SignUpResult signUp(SignUpCommand command) {
        FieldValidation fields = new FieldValidation();
        Optional<EmailAddress> email = fields.check("email", () -> new EmailAddress(command.email()));
        Optional<String> first = fields.check("firstName", () -> PersonName.validFirst(command.firstName()));
        Optional<String> last = fields.check("lastName", () -> PersonName.validLast(command.lastName()));
        Optional<Country> country = fields.check("country", () -> new Country(command.country()));
        List<String> validNames = Stream.of(first, last).flatMap(Optional::stream).toList();
        for (PasswordRule rule : PasswordPolicy.violations(command.password(), validNames, email)) {
            fields.reject("password", rule.code(), rule.message());
        }
        Optional<Membership> membership = checkMembership(fields, command, email);
        if (!command.privacyAccepted()) {
            fields.reject("privacyAccepted", PRIVACY_NOT_ACCEPTED, "Please accept the privacy notice to register.");
        }
        if (fields.hasErrors()) {
            return new SignUpResult.Invalid(fields.errors());
        }
        // The captcha is checked last: a token is single-use, and a form with a typo should not cost a new one.
        if (!captcha.verify(command.captchaToken(), command.remoteAddress())) {
            return new SignUpResult.CaptchaFailed();
        }
        String passwordHash = passwordHasher.hash(command.password());
        SignUpDetails details = new SignUpDetails(new PersonName(first.orElseThrow(), last.orElseThrow()),
                country.orElseThrow(), passwordHash, membership.orElseThrow(), command.marketingOptIn(), clock.instant());
        RegistrationId id = new RegistrationId(random.uuid());
        String code = random.digits(VerificationCodes.LENGTH);
        String codeHash = passwordHasher.hash(code);
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (registrations.countCreatedSince(email.orElseThrow(), now.minus(Registration.SIGN_UP_WINDOW))
                    >= Registration.MAX_SIGN_UPS_PER_ADDRESS) {
                return new SignUpResult.TooManySignUps();
            }
            Registration registration = accounts.existsWithEmail(email.orElseThrow())
                    ? Registration.forExistingAccount(id, email.orElseThrow(), codeHash, now)
                    : Registration.forNewAccount(id, email.orElseThrow(), details, codeHash, now);
            registrations.add(registration);
            outbox.enqueue(mails.forRegistration(registration, code));
            return new SignUpResult.Accepted(id);
        });
    }

    /**
     * With an invitation, the account joins the inviting company, and the address must be the invited one; without,
     * the company page is required and founds a new company.
     */
    private Optional<Membership> checkMembership(FieldValidation fields, SignUpCommand command, Optional<EmailAddress> email) {
        if (command.invitationToken().isPresent()) {
            Optional<CoworkerInvitation> invitation = invitations
                    .findByTokenHash(SecretTokens.hash(command.invitationToken().get()))
                    .filter(i -> i.isOpenAt(clock.instant()));
            if (invitation.isEmpty()) {
                fields.reject("invitationToken", INVITATION_EXPIRED, "This invitation has expired.");
                return Optional.empty();
            }
            if (email.isPresent() && !email.get().equals(invitation.get().email())) {
                fields.reject("email", "INVITATION_EMAIL_MISMATCH",
                        "Please sign up with the email address the invitation was sent to.");
                return Optional.empty();
            }
            return Optional.of(new Membership.JoinsCompany(invitation.get().companyId(), invitation.get().id()));
        }
        if (command.company().isEmpty()) {
            fields.reject("company", Text.REQUIRED, "Please enter the company details.");
            return Optional.empty();
        }
        return CompanyInputs.check(fields, command.company().get()).map(Membership.FoundsCompany::new);
    }
}
