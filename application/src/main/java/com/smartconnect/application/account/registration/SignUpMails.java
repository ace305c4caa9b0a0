package com.smartconnect.application.account.registration;

import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.CodeChallenge;
import com.smartconnect.domain.registration.Registration;
import jakarta.inject.Inject;
import java.util.Map;

/** Builds the mail a sign-up sends: the code for a new account, or a note for an address that has one. */
public final class SignUpMails {

    private final RandomSource random;

    @Inject
    public SignUpMails(RandomSource random) {
        this.random = random;
    }

    /** The mail for {@code registration}, carrying {@code code} only if it creates a new account. */
    OutgoingMail forRegistration(Registration registration, String code) {
        return registration.details()
                .map(details -> mail(registration.email(), MailTemplate.SIGN_UP_CODE, Map.of(
                        "firstName", details.name().first(),
                        "code", code,
                        "validMinutes", Long.toString(CodeChallenge.VALIDITY.toMinutes()))))
                .orElseGet(() -> mail(registration.email(), MailTemplate.SIGN_UP_EXISTING_ACCOUNT, Map.of()));
    }

    private OutgoingMail mail(EmailAddress to, MailTemplate template, Map<String, String> values) {
        return new OutgoingMail(new MailId(random.uuid()), to, template, values);
    }
}
