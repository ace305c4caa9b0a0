package com.smartconnect.application.account.twofactor.port.in;

import java.time.Duration;
import java.time.Instant;

/** The answer to asking for a two-factor code by e-mail. */
public sealed interface SendTwoFactorCodeResult {

    /** A code is on its way; it works until {@code expiresAt}. */
    record Sent(Instant expiresAt) implements SendTwoFactorCodeResult {
    }

    /** The account's codes come from an authenticator app (or two-factor authentication is off): nothing to mail. */
    record NotByEmail() implements SendTwoFactorCodeResult {
    }

    /** A code was mailed less than a minute ago. */
    record TooSoon(Duration retryAfter) implements SendTwoFactorCodeResult {
    }

    /** The login step this code was for has ended (expired, passed, or out of tries): log in again. */
    record LoginExpired() implements SendTwoFactorCodeResult {
    }
}
