package com.smartconnect.application.mail.port.out;

import com.smartconnect.domain.account.EmailAddress;
import java.util.Map;
import java.util.Objects;

/** A mail to send: to whom, which template, and the values the template fills in. */
public record OutgoingMail(MailId id, EmailAddress to, MailTemplate template, Map<String, String> values) {

    public OutgoingMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        values = Map.copyOf(values);
        if (!values.keySet().containsAll(template.requiredValues())) {
            throw new IllegalArgumentException(template + " needs " + template.requiredValues() + ", got " + values.keySet());
        }
    }
}
