package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.SecretSealer;
import java.util.Base64;

/** Seals by base64 with a marker and the owner: enough to show the services store only what the sealer gave them. */
public final class ReversibleSecretSealer implements SecretSealer {

    private static final String MARK = "sealed:";

    @Override
    public String seal(byte[] secret, String owner) {
        return MARK + owner + ":" + Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public byte[] unseal(String sealed, String owner) {
        String prefix = MARK + owner + ":";
        if (!sealed.startsWith(prefix)) {
            throw new IllegalArgumentException("not sealed for " + owner + " by this sealer");
        }
        return Base64.getDecoder().decode(sealed.substring(prefix.length()));
    }
}
