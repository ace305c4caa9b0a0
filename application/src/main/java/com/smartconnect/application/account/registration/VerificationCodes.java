package com.smartconnect.application.account.registration;

import java.util.regex.Pattern;

/**
 * How the 6-digit sign-up codes look. They are kept like passwords, through the salted, deliberately slow
 * {@link com.smartconnect.application.common.port.out.PasswordHasher}: a million possible codes would take a fast hash
 * no time to reverse, a slow one longer than the 15 minutes a code lives.
 */
public final class VerificationCodes {

    public static final int LENGTH = 6;
    private static final Pattern FORM = Pattern.compile("[0-9]{6}");

    private VerificationCodes() {
    }

    public static boolean isWellFormed(String code) {
        return FORM.matcher(code).matches();
    }
}
