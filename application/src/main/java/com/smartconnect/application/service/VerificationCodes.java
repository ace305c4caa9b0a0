package com.smartconnect.application.service;

import com.smartconnect.domain.registration.RegistrationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The 6-digit sign-up codes: how they look, and how they are kept (only as a hash bound to their registration,
 * so a code read from the database neither works nor tells the code of another sign-up).
 */
final class VerificationCodes {

    static final int LENGTH = 6;
    private static final Pattern FORM = Pattern.compile("[0-9]{6}");

    private VerificationCodes() {
    }

    static boolean isWellFormed(String code) {
        return FORM.matcher(code).matches();
    }

    static String hash(RegistrationId id, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((id + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean matches(RegistrationId id, String code, String expectedHash) {
        return MessageDigest.isEqual(
                hash(id, code).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
