package com.smartconnect.application.account.twofactor.port.out;

import com.smartconnect.domain.twofactor.TotpSecret;

/** Computes authenticator-app codes: RFC 6238 with HMAC-SHA1 and {@link com.smartconnect.domain.twofactor.Totp#DIGITS} digits. */
public interface TotpCodeGenerator {

    /** The code of {@code secret} for time step {@code step}, with its leading zeros. */
    String code(TotpSecret secret, long step);
}
