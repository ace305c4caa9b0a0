package com.smartconnect.application.service;

import java.util.regex.Pattern;

/**
 * How the 6-digit sign-up codes look. They are kept like passwords, through the salted, deliberately slow
 * {@link com.smartconnect.application.port.out.PasswordHasher}: a million possible codes would take a fast hash
 * no time to reverse, a slow one longer than the 15 minutes a code lives.
 */
final class VerificationCodes {

    static final int LENGTH = 6;
    private static final Pattern FORM = Pattern.compile("[0-9]{6}");

    private VerificationCodes() {
    }

    static boolean isWellFormed(String code) {
        return FORM.matcher(code).matches();
    }
}
