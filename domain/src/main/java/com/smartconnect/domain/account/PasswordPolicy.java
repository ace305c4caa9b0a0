package com.smartconnect.domain.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's password policy. {@link #violations} reports every rule a password breaks, not only the first,
 * so the sign-up page can show them all at once.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** Long enough for any pass-phrase, short enough that hashing cannot be used to burn CPU. */
    public static final int MAX_LENGTH = 128;
    private static final int MIN_CHARACTER_TYPES = 3;
    private static final int MIN_EMAIL_PIECE = 3;

    private PasswordPolicy() {
    }

    /** The rules {@code password} breaks for this person, in the order of {@link PasswordRule}; empty if none. */
    public static Set<PasswordRule> violations(String password, PersonName name, EmailAddress email) {
        return violations(password, List.of(name.first(), name.last()), Optional.of(email));
    }

    /**
     * The rules {@code password} breaks, given the parts of the name and the address that are known to be valid:
     * a sign-up form with an invalid last name still has its password checked against the first name and the
     * address, so that every broken rule is reported at once.
     */
    public static Set<PasswordRule> violations(String password, List<String> validNames, Optional<EmailAddress> validEmail) {
        Set<PasswordRule> broken = structuralViolations(password);
        String folded = password.toLowerCase(Locale.ROOT);
        if (validNames.stream().anyMatch(n -> folded.contains(n.toLowerCase(Locale.ROOT)))) {
            broken.add(PasswordRule.NO_NAME);
        }
        if (validEmail.map(PasswordPolicy::emailParts).orElse(List.of()).stream().anyMatch(folded::contains)) {
            broken.add(PasswordRule.NO_EMAIL);
        }
        return broken;
    }

    /** The rules that need nothing but the password itself: length and character types. */
    private static Set<PasswordRule> structuralViolations(String password) {
        Set<PasswordRule> broken = EnumSet.noneOf(PasswordRule.class);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            broken.add(PasswordRule.MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            broken.add(PasswordRule.MAX_LENGTH);
        }
        if (characterTypes(password) < MIN_CHARACTER_TYPES) {
            broken.add(PasswordRule.CHARACTER_TYPES);
        }
        return broken;
    }

    /** How many of the four types (upper case, lower case, digits, symbols) the password uses. */
    static int characterTypes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                symbol = true;
            }
            i += Character.charCount(cp);
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /**
     * The parts of an address a password must not contain: the whole address, the local part, each piece of
     * three or more characters of the local part split at {@code . _ - +}, and the domain's first label.
     */
    static List<String> emailParts(EmailAddress email) {
        Set<String> parts = new LinkedHashSet<>();
        parts.add(email.value());
        parts.add(email.localPart());
        for (String piece : email.localPart().split("[._+-]")) {
            if (piece.length() >= MIN_EMAIL_PIECE) {
                parts.add(piece);
            }
        }
        parts.add(email.domain().substring(0, email.domain().indexOf('.')));
        return new ArrayList<>(parts);
    }
}
