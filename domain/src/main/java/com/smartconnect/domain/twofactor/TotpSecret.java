package com.smartconnect.domain.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The shared secret of an authenticator app, and the {@code otpauth://} URI that hands it to the app (the
 * de-facto "Key Uri Format" that every authenticator app reads, usually from a QR code).
 */
public final class TotpSecret {

    private final byte[] bytes;

    public TotpSecret(byte[] bytes) {
        if (bytes.length < 16) {
            throw new IllegalArgumentException("an authenticator secret has at least 128 bits");
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The secret in RFC 4648 base32 without padding, as people type it into an app that cannot scan. */
    public String base32() {
        return Base32.encode(bytes);
    }

    /** The URI an authenticator app reads: it shows {@code issuer} and {@code accountName} next to the codes. */
    public String otpauthUri(String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[****]";
    }
}
