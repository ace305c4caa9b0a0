package com.smartconnect.domain.account;

import com.smartconnect.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a person and how to speak to them: the language, and the phone and job role that a connected
 * reseller is given with the company name.
 */
public record ContactDetails(Language language, Optional<PhoneNumber> phone, Optional<String> jobRole) {

    public static final int MAX_JOB_ROLE_LENGTH = 100;
    public static final ContactDetails NONE = new ContactDetails(Language.ENGLISH, Optional.empty(), Optional.empty());

    public ContactDetails {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(phone, "phone");
        jobRole = Objects.requireNonNull(jobRole, "jobRole").filter(r -> !r.isBlank()).map(ContactDetails::validJobRole);
    }

    /** The trimmed job role, or a {@link com.smartconnect.domain.common.DomainViolation}. */
    public static String validJobRole(String jobRole) {
        return Text.required(jobRole, MAX_JOB_ROLE_LENGTH, "job role");
    }
}
