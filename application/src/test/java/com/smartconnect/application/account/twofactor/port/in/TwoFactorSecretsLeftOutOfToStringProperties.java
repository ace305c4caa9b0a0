package com.smartconnect.application.account.twofactor.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The authenticator secret, the confirmation code and the recovery codes of an enrolment never reach a log. */
class TwoFactorSecretsLeftOutOfToStringProperties {

    private static final Instant EXPIRES = Instant.parse("2026-11-20T08:30:00Z");

    @Property
    void theAuthenticatorSecretAndItsUriAreHidden(@ForAll("secrets") String secret) {
        String uri = "otpauth://totp/SmartConnect:ada@example.org?secret=" + secret;

        String text = new StartTwoFactorEnrolmentResult.AuthenticatorSecret(secret, uri, EXPIRES).toString();

        assertThat(text).doesNotContain(secret).doesNotContain("otpauth").contains("secret=****")
                .contains(EXPIRES.toString());
    }

    @Property
    void theConfirmationCodeIsHidden(@ForAll("codes") String code) {
        AuthenticatedUser user = new AuthenticatedUser(new AccountId(UUID.fromString("aaaaaaaa-bbbb-4ccc-addd-eeeeeeeeeeee")),
                new SessionId(UUID.fromString("ffffffff-eeee-4ddd-accc-bbbbbbbbbbbb")), false);

        String text = new ConfirmTwoFactorEnrolmentCommand(user, code).toString();

        assertThat(text).doesNotContain(code).contains("code=****").contains(user.toString());
    }

    @Property
    void theRecoveryCodesAreHidden(@ForAll("recoveryCodes") List<String> codes) {
        String text = new ConfirmTwoFactorEnrolmentResult.Enabled(codes).toString();

        assertThat(text).startsWith("Enabled[").contains("recoveryCodes=****");
        codes.forEach(code -> assertThat(text).doesNotContain(code));
    }

    @Property
    void disablingHidesThePasswordAndTheCode(@ForAll("secrets") String password, @ForAll("codes") String code) {
        AuthenticatedUser user = new AuthenticatedUser(new AccountId(UUID.fromString("aaaaaaaa-bbbb-4ccc-addd-eeeeeeeeeeee")),
                new SessionId(UUID.fromString("ffffffff-eeee-4ddd-accc-bbbbbbbbbbbb")), false);

        String text = new DisableTwoFactorCommand(user, password, code).toString();

        assertThat(text).doesNotContain(password).doesNotContain(code).contains("password=****")
                .contains("code=****").contains(user.toString());
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").ofLength(32);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().numeric().ofLength(6).filter(code -> !code.equals("000000"));
    }

    @Provide
    Arbitrary<List<String>> recoveryCodes() {
        return Arbitraries.strings().withChars("abcdefghjkmnpqrstuvwxyz23456789").ofLength(10).list().ofMinSize(1)
                .ofMaxSize(10);
    }
}
