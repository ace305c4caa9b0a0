package com.smartconnect.adapters.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The two cookies of a browser session and the CSRF token that goes with it. The session cookie carries the token
 * and is out of the page's reach ({@code HttpOnly}); the CSRF cookie is readable by the page's script, which echoes
 * it in {@code X-CSRF-Token}. The CSRF value is derived from the session token, so the server keeps no state for it
 * and a forged request, which cannot read the session cookie, cannot compute it.
 */
public final class SessionCookies {

    public static final String SESSION = "smartconnect_session";
    public static final String CSRF = "smartconnect_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    /** base64url(SHA-256("csrf:" + token)) without padding. */
    public static String csrfFor(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + sessionToken));
    }

    /** Whether {@code presented} is the CSRF value of {@code sessionToken}, compared in constant time. */
    public static boolean csrfMatches(String sessionToken, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfFor(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Set-Cookie} values that start a browser session lasting until {@code expiresAt}. */
    public static String[] issue(String sessionToken, Instant expiresAt, Clock clock) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
        return new String[] {sessionCookie(sessionToken, maxAge), csrfCookie(csrfFor(sessionToken), maxAge)};
    }

    /** The {@code Set-Cookie} values that make a browser drop both cookies. */
    public static String[] clear() {
        return new String[] {sessionCookie("", 0), csrfCookie("", 0)};
    }

    private static String sessionCookie(String value, long maxAge) {
        return SESSION + "=" + value + "; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=" + maxAge;
    }

    // Not HttpOnly: the page's script reads it to send it back as a header, which a cross-site form cannot do.
    private static String csrfCookie(String value, long maxAge) {
        return CSRF + "=" + value + "; Path=/; Secure; SameSite=Lax; Max-Age=" + maxAge;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
