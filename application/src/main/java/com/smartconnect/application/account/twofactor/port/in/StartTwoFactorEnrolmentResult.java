package com.smartconnect.application.account.twofactor.port.in;

import java.time.Instant;

/** The answer to starting a two-factor enrolment. */
public sealed interface StartTwoFactorEnrolmentResult {

    /**
     * The authenticator app's secret: as text ({@code secret}, base32) and as the {@code otpauth://} URI its QR code
     * carries. The app's next code confirms the enrolment, before {@code expiresAt}.
     */
    record AuthenticatorSecret(String secret, String otpauthUri, Instant expiresAt) implements StartTwoFactorEnrolmentResult {
        @Override
        public String toString() {
            return "AuthenticatorSecret[secret=****, expiresAt=" + expiresAt + "]";
        }
    }

    /** A code was mailed to the account's address; entering it confirms the enrolment, before {@code expiresAt}. */
    record CodeMailed(Instant expiresAt) implements StartTwoFactorEnrolmentResult {
    }

    /** Two-factor authentication is on already: turn it off first to change the method. */
    record AlreadyOn() implements StartTwoFactorEnrolmentResult {
    }
}
