package com.smartconnect.adapters.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.common.FieldValidation;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PasswordRule;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.account.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every field error the portal's forms can show is worded by the bundle: the errors are produced by the domain's own
 * checks on bad input, field by field, so a new code or field without its text fails here.
 */
class PortalFieldMessagesTest {

    /** Where the seeds word a rule differently from the use case, the page shows the seeds' words. */
    private static final Map<String, String> SEED_WORDING = Map.of(
            "PASSWORD_CONTAINS_EMAIL", "Cannot contain email or part of email.");

    private final Messages messages = Messages.english();

    @Test
    void everyFieldErrorOfThePortalsFormsReadsAsTheUseCaseWordsItUnlessTheSeedsWordItOtherwise() {
        List<FieldError> errors = fieldErrorsOfThePortalsForms();
        assertThat(errors).extracting(FieldError::code).contains("EMAIL_REQUIRED", "INVALID_EMAIL", "FIELD_REQUIRED",
                "FIELD_TOO_LONG", "FIELD_INVALID", "INVALID_COUNTRY", "INVALID_LANGUAGE", "INVALID_PHONE",
                "PASSWORD_TOO_SHORT", "PASSWORD_CONTAINS_EMAIL");
        for (FieldError error : errors) {
            assertThat(messages.fieldError(error)).as(error.field() + " " + error.code())
                    .isEqualTo(SEED_WORDING.getOrDefault(error.code(), error.message()));
        }
    }

    @Test
    void aCodeWithoutItsTextFailsInsteadOfShowingTheUseCasesEnglish() {
        assertThatThrownBy(() -> messages.fieldError(new FieldError("city", "NOT_A_CODE", "Some English.")))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void aTextNamingTheFieldIsTakenForItsFieldOnly() {
        assertThat(messages.fieldError(new FieldError("company.city", "FIELD_REQUIRED", "x")))
                .isEqualTo("Please enter the city.");
        assertThatThrownBy(() -> messages.fieldError(new FieldError("nickname", "FIELD_REQUIRED", "x")))
                .isInstanceOf(MissingResourceException.class);
    }

    /** The errors the domain gives each field of the portal's forms for a blank, an overlong and a garbled value. */
    private static List<FieldError> fieldErrorsOfThePortalsForms() {
        FieldValidation validation = new FieldValidation();
        List<String> bad = List.of("", " ", "x".repeat(1000), "a\u0001b", "zz-not-valid");
        for (String value : bad) {
            validation.check("email", () -> new EmailAddress(value));
            validation.check("newEmail", () -> new EmailAddress(value));
            validation.check("firstName", () -> PersonName.validFirst(value));
            validation.check("lastName", () -> PersonName.validLast(value));
            validation.check("country", () -> new Country(value));
            validation.check("company.country", () -> new Country(value));
            validation.check("language", () -> new Language(value));
            validation.check("phone", () -> new PhoneNumber(value));
            validation.check("jobRole", () -> ContactDetails.validJobRole(value));
            for (CompanyDetails.Field field : CompanyDetails.Field.values()) {
                validation.check("company." + field.key(), () -> field.valid(value));
            }
        }
        List<FieldError> errors = new ArrayList<>(validation.errors());
        for (PasswordRule rule : PasswordRule.values()) {
            for (String field : List.of("password", "newPassword")) {
                errors.add(new FieldError(field, rule.code(), rule.message()));
            }
        }
        // The refusals the use cases word themselves, as they word them.
        errors.add(new FieldError("password", "PASSWORD_REQUIRED", "Please enter your password."));
        errors.add(new FieldError("newEmail", "SAME_EMAIL", "This is already your email address."));
        errors.add(new FieldError("privacyAccepted", "PRIVACY_NOT_ACCEPTED", "Please accept the privacy notice to register."));
        errors.add(new FieldError("invitationToken", "INVITATION_EXPIRED", "This invitation has expired."));
        errors.add(new FieldError("email", "INVITATION_EMAIL_MISMATCH",
                "Please sign up with the email address the invitation was sent to."));
        errors.add(new FieldError("company", "FIELD_REQUIRED", "Please enter the company details."));
        return errors.stream().filter(distinctBy(e -> e.field() + " " + e.code())).toList();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }
}
