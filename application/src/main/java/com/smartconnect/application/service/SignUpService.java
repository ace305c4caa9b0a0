package com.smartconnect.application.service;

import com.smartconnect.application.port.in.SignUpCommand;
import com.smartconnect.application.port.in.SignUpResult;
import com.smartconnect.application.port.in.SignUpUseCase;
import com.smartconnect.application.port.out.AccountRepository;
import com.smartconnect.application.port.out.CaptchaVerifier;
import com.smartconnect.application.port.out.MailOutbox;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.port.out.RegistrationRepository;
import com.smartconnect.application.port.out.Transactions;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PasswordPolicy;
import com.smartconnect.domain.account.PasswordRule;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.common.Text;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.SignUpDetails;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signs people up. A sign-up with an address that already has an account is answered exactly like a new one
 * (same answer, same work: the password is hashed all the same), but mails a note instead of a code.
 */
public final class SignUpService implements SignUpUseCase {

    static final String PRIVACY_NOT_ACCEPTED = "PRIVACY_NOT_ACCEPTED";

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final CaptchaVerifier captcha;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final MailOutbox outbox;
    private final SignUpMails mails;

    @Inject
    public SignUpService(Clock clock, RandomSource random, PasswordHasher passwordHasher, CaptchaVerifier captcha,
            Transactions transactions, AccountRepository accounts, RegistrationRepository registrations,
            MailOutbox outbox, SignUpMails mails) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.captcha = captcha;
        this.transactions = transactions;
        this.accounts = accounts;
        this.registrations = registrations;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public SignUpResult signUp(SignUpCommand command) {
        FieldValidation fields = new FieldValidation();
        Optional<EmailAddress> email = fields.check("email", () -> new EmailAddress(command.email()));
        Optional<String> first = fields.check("firstName", () -> PersonName.validFirst(command.firstName()));
        Optional<String> last = fields.check("lastName", () -> PersonName.validLast(command.lastName()));
        Optional<Country> country = fields.check("country", () -> new Country(command.country()));
        checkPassword(fields, command.password(), email, first.flatMap(f -> last.map(l -> new PersonName(f, l))));
        Optional<CompanyDetails> company = checkCompany(fields, command.company());
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
        Instant acceptedAt = clock.instant();
        SignUpDetails details = new SignUpDetails(new PersonName(first.orElseThrow(), last.orElseThrow()),
                country.orElseThrow(), passwordHash, company.orElseThrow(), command.marketingOptIn(), acceptedAt);
        RegistrationId id = new RegistrationId(random.uuid());
        return transactions.inTransaction(() -> {
            record(id, email.orElseThrow(), details, clock.instant());
            return new SignUpResult.Accepted(id);
        });
    }

    private void record(RegistrationId id, EmailAddress email, SignUpDetails details, Instant now) {
        String code = random.digits(VerificationCodes.LENGTH);
        String codeHash = VerificationCodes.hash(id, code);
        Registration registration = accounts.existsWithEmail(email)
                ? Registration.forExistingAccount(id, email, codeHash, now)
                : Registration.forNewAccount(id, email, details, codeHash, now);
        registrations.add(registration);
        outbox.enqueue(mails.forRegistration(registration, code));
    }

    private static void checkPassword(FieldValidation fields, String password, Optional<EmailAddress> email,
            Optional<PersonName> name) {
        Set<PasswordRule> broken = email.isPresent() && name.isPresent()
                ? PasswordPolicy.violations(password, name.get(), email.get())
                : PasswordPolicy.structuralViolations(password);
        for (PasswordRule rule : broken) {
            fields.reject("password", rule.code(), rule.message());
        }
    }

    private static Optional<CompanyDetails> checkCompany(FieldValidation fields, SignUpCommand.CompanyInput input) {
        int max = CompanyDetails.MAX_LENGTH;
        Optional<String> name = fields.check("company.name", () -> Text.required(input.name(), max, "the company name"));
        Optional<String> businessType = fields.check("company.businessType",
                () -> Text.required(input.businessType(), max, "the business type"));
        Optional<Optional<String>> areaOfFocus = fields.check("company.areaOfFocus",
                () -> input.areaOfFocus().filter(v -> !v.isBlank()).map(v -> Text.required(v, max, "the area of focus")));
        Optional<Optional<String>> industrySegment = fields.check("company.industrySegment",
                () -> input.industrySegment().filter(v -> !v.isBlank()).map(v -> Text.required(v, max, "the industry segment")));
        Optional<String> address = fields.check("company.address", () -> Text.required(input.address(), max, "the address"));
        Optional<String> city = fields.check("company.city", () -> Text.required(input.city(), max, "the city"));
        Optional<String> zipCode = fields.check("company.zipCode",
                () -> Text.required(input.zipCode(), CompanyDetails.MAX_ZIP_LENGTH, "the zip code"));
        Optional<String> stateProvince = fields.check("company.stateProvince",
                () -> Text.required(input.stateProvince(), max, "the state or province"));
        Optional<Country> country = fields.check("company.country", () -> new Country(input.country()));
        if (fields.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new CompanyDetails(name.orElseThrow(), businessType.orElseThrow(), areaOfFocus.orElseThrow(),
                industrySegment.orElseThrow(), address.orElseThrow(), city.orElseThrow(), zipCode.orElseThrow(),
                stateProvince.orElseThrow(), country.orElseThrow()));
    }
}
