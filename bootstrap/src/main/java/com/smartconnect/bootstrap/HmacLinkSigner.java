package com.smartconnect.bootstrap;

import com.smartconnect.application.common.port.out.LinkSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs link tokens with HMAC-SHA256 under a key derived from the server's secret key (so the key that seals
 * authenticator secrets never signs anything itself): the token is the base64url of the subject, a dot, and the
 * base64url of the MAC of the purpose and the subject. The MAC is checked in constant time.
 */
final class HmacLinkSigner implements LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DERIVATION_LABEL = "smartconnect:link-signing:v1".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN = 512;

    private final SecretKeySpec key;

    HmacLinkSigner(byte[] secretKey) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(secretKey, ALGORITHM), DERIVATION_LABEL), ALGORITHM);
    }

    @Override
    public String sign(String purpose, String subject) {
        byte[] subjectBytes = subject.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(subjectBytes) + "." + ENCODER.encodeToString(macOf(purpose, subjectBytes));
    }

    @Override
    public Optional<String> verify(String purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] subject = DECODER.decode(token.substring(0, dot));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            // Only the one spelling the server makes: base64 leaves spare bits in the last character, and a token
            // that differs there would otherwise open too, as another string for the same link.
            if (!token.equals(ENCODER.encodeToString(subject) + "." + ENCODER.encodeToString(given))) {
                return Optional.empty();
            }
            return MessageDigest.isEqual(given, macOf(purpose, subject))
                    ? Optional.of(new String(subject, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] macOf(String purpose, byte[] subject) {
        byte[] purposeBytes = purpose.getBytes(StandardCharsets.UTF_8);
        // The purpose's length first, so that no purpose and subject run into another pair's.
        byte[] input = new byte[4 + purposeBytes.length + subject.length];
        input[0] = (byte) (purposeBytes.length >>> 24);
        input[1] = (byte) (purposeBytes.length >>> 16);
        input[2] = (byte) (purposeBytes.length >>> 8);
        input[3] = (byte) purposeBytes.length;
        System.arraycopy(purposeBytes, 0, input, 4, purposeBytes.length);
        System.arraycopy(subject, 0, input, 4 + purposeBytes.length, subject.length);
        return mac(key, input);
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
