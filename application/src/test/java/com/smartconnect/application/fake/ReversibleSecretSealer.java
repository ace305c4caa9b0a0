package com.smartconnect.application.fake;

import com.smartconnect.application.port.out.SecretSealer;
import java.util.Base64;

/** Seals by base64 with a marker: enough to show the services store only what the sealer gave them. */
public final class ReversibleSecretSealer implements SecretSealer {

    private static final String MARK = "sealed:";

    @Override
    public String seal(byte[] secret) {
        return MARK + Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public byte[] unseal(String sealed) {
        if (!sealed.startsWith(MARK)) {
            throw new IllegalArgumentException("not sealed by this sealer");
        }
        return Base64.getDecoder().decode(sealed.substring(MARK.length()));
    }
}
