package com.smartconnect.domain.account;

import com.smartconnect.domain.common.DomainViolation;
import java.util.regex.Pattern;

/**
 * A phone number as people write it: digits with spaces, dashes, dots or brackets between, optionally after a
 * {@code +}; 6 to 15 digits (the most E.164 allows). Kept as typed, with runs of white space folded.
 */
public record PhoneNumber(String value) {

    private static final Pattern FORM = Pattern.compile("\\+?[0-9(][0-9 ().-]*[0-9]");
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 15;

    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw new DomainViolation("FIELD_REQUIRED", "Please enter a phone number.");
        }
        value = value.strip().replaceAll("\\s+", " ");
        long digits = value.chars().filter(Character::isDigit).count();
        if (!FORM.matcher(value).matches() || digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new DomainViolation("INVALID_PHONE", "Please enter a phone number such as +33 1 23 45 67 89.");
        }
    }
}
