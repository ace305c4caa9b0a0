package com.smartconnect.application.common;

import com.smartconnect.application.common.port.out.RandomSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret tokens of sessions, password reset links and co-worker invitations: 256 random bits, given out once and
 * kept only as their SHA-256. A fast hash is right here, unlike for passwords and codes: nobody can search 2^256
 * tokens, and every request has to look its token up.
 */
public final class SecretTokens {

    private static final int TOKEN_BYTES = 32;

    private SecretTokens() {
    }

    public static String newToken(RandomSource random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(TOKEN_BYTES));
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
