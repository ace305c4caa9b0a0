package com.smartconnect.domain.twofactor;

/** How a person proves the second factor: a code from an authenticator app, or a code mailed to them. */
public enum TwoFactorMethod {
    /** Time-based one-time passwords (RFC 6238) from an authenticator app. */
    TOTP,
    /** A 6-digit code mailed to the account's address each time one is needed. */
    EMAIL
}
