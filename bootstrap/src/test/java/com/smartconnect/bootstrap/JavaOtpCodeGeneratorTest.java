package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.domain.twofactor.Totp;
import com.smartconnect.domain.twofactor.TotpSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaOtpCodeGeneratorTest {

    private static final TotpSecret RFC_SECRET = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private final JavaOtpCodeGenerator generator = new JavaOtpCodeGenerator();

    /** RFC 6238 appendix B, SHA-1: the last six digits of its eight-digit codes. */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void matchesTheTestVectorsOfRfc6238(long unixTime, String code) {
        assertThat(generator.code(RFC_SECRET, unixTime / Totp.STEP.toSeconds())).isEqualTo(code);
    }

    @Test
    void agreesWithTheCodesAnAppComputesForRandomSecrets() {
        SecureRandom random = new SecureRandom();
        RfcTotp app = new RfcTotp();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[Totp.SECRET_BYTES];
            random.nextBytes(bytes);
            TotpSecret secret = new TotpSecret(bytes);
            long step = random.nextLong(0, 100_000_000L);
            assertThat(generator.code(secret, step)).isEqualTo(app.code(secret, step)).hasSize(6);
        }
    }
}
