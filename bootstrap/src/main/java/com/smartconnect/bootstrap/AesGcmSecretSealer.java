package com.smartconnect.bootstrap;

import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under the server's secret key: {@code v1:} and the base64 of a fresh 96-bit nonce
 * followed by the ciphertext and its 128-bit tag. The tag makes a sealed value that was altered, or sealed under
 * another key, fail to open instead of yielding a wrong secret.
 */
final class AesGcmSecretSealer implements SecretSealer {

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * With the owner, the associated data: it binds a sealed value to its use and to its account, so that a value
     * sealed for something or someone else under the same key does not open here.
     */
    private static final String ASSOCIATED_DATA = "smartconnect:sealed-secret:v1:";

    private final SecretKey key;
    private final RandomSource random;

    AesGcmSecretSealer(byte[] key, RandomSource random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    @Override
    public String seal(byte[] secret, String owner) {
        byte[] nonce = random.bytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((ASSOCIATED_DATA + owner).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    @Override
    public byte[] unseal(String sealed, String owner) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD((ASSOCIATED_DATA + owner).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed secret was altered, or sealed for another owner or under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }
}
