package com.smartconnect.application.fake;

import com.smartconnect.application.account.twofactor.port.out.TotpCodeGenerator;
import com.smartconnect.domain.twofactor.Totp;
import com.smartconnect.domain.twofactor.TotpSecret;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 written out from the RFC, independently of the library the product uses: what an authenticator app on
 * the user's phone computes, for tests to type codes with.
 */
public final class RfcTotp implements TotpCodeGenerator {

    @Override
    public String code(TotpSecret secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                    | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
            int modulus = (int) Math.pow(10, Totp.DIGITS);
            return String.format("%0" + Totp.DIGITS + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** The code an app shows for a base32 secret at step {@code step}. */
    public String codeForBase32(String base32, long step) {
        return code(new TotpSecret(decodeBase32(base32)), step);
    }

    static byte[] decodeBase32(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[base32.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
