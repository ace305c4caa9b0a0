package com.smartconnect.domain.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 (hex) of a machine secret: a device secret or a Product Key, which are all the catalog keeps of them.
 *
 * <p>A fast hash is right here, unlike for people's passwords (Argon2id): these secrets are high-entropy values made
 * by machines, not guessable words, so a slow hash buys no protection, and the device secret is checked on every
 * device connect. Argon2id at about 60 ms a check would make 10,000 devices reconnecting after a network outage take
 * ten minutes of CPU before the last one is in. Hashes are compared in constant time.
 */
public record MachineSecretHash(String value) {

    private static final HexFormat HEX = HexFormat.of();

    public MachineSecretHash {
        Objects.requireNonNull(value, "value");
        if (value.length() != 64 || !value.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex");
        }
    }

    public static MachineSecretHash of(DeviceSecret secret) {
        return new MachineSecretHash(sha256(secret.value()));
    }

    public static MachineSecretHash of(ProductKey key) {
        return new MachineSecretHash(sha256(key.value()));
    }

    /** Whether {@code secret} hashes to this, in time that does not depend on where they differ. */
    public boolean matches(String secret) {
        byte[] candidate = sha256Bytes(secret == null ? "" : secret);
        return MessageDigest.isEqual(candidate, HEX.parseHex(value));
    }

    private static String sha256(String secret) {
        return HEX.formatHex(sha256Bytes(secret));
    }

    private static byte[] sha256Bytes(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MachineSecretHash[" + value.substring(0, 8) + "…]";
    }
}
