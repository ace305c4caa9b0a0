package com.smartconnect.domain.account;

import com.smartconnect.domain.common.DomainViolation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the portal accepts it: trimmed and lower-cased, so that one mailbox is one account.
 * The local part allows the RFC 5322 "atext" characters and single inner dots; the domain needs at least
 * two labels and an alphabetic top-level label.
 */
public record EmailAddress(String value) {

    public static final String REQUIRED = "EMAIL_REQUIRED";
    public static final String INVALID = "INVALID_EMAIL";
    public static final String REQUIRED_MESSAGE = "Please enter email address";
    public static final String INVALID_MESSAGE =
            "You have entered an invalid email address. Please re-enter the email address.";

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new DomainViolation(REQUIRED, REQUIRED_MESSAGE);
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!isWellFormed(value)) {
            throw new DomainViolation(INVALID, INVALID_MESSAGE);
        }
    }

    private static boolean isWellFormed(String address) {
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_LENGTH || at <= 0 || at != address.indexOf('@') || at > MAX_LOCAL_LENGTH) {
            return false;
        }
        String local = address.substring(0, at);
        String[] labels = address.substring(at + 1).split("\\.", -1);
        if (!LOCAL.matcher(local).matches() || labels.length < 2) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    /** The part before the {@code @}. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
