package com.smartconnect.bootstrap;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.smartconnect.application.account.twofactor.port.out.TotpCodeGenerator;
import com.smartconnect.domain.twofactor.Totp;
import com.smartconnect.domain.twofactor.TotpSecret;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/** Authenticator-app codes computed by java-otp, with the parameters of {@link Totp}. */
final class JavaOtpCodeGenerator implements TotpCodeGenerator {

    @Override
    public String code(TotpSecret secret, long step) {
        // A generator per call: it is cheap, and it holds a Mac, which is not safe to share between threads.
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Totp.STEP, Totp.DIGITS,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret.bytes(), generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * Totp.STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of any length is valid", e);
        }
    }
}
