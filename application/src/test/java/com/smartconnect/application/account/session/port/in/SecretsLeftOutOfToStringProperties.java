package com.smartconnect.application.account.session.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The session tokens, challenge tokens and codes of the login's commands and results never reach a log through
 * {@code toString}, which still names what the record is about.
 */
class SecretsLeftOutOfToStringProperties {

    private static final Instant EXPIRES = Instant.parse("2026-11-20T08:30:00Z");

    @Property
    void aLoggedInResultHidesItsSessionToken(@ForAll("secrets") String token) {
        AccountId account = new AccountId(UUID.randomUUID());

        String logged = new LogInResult.LoggedIn(token, account, EXPIRES).toString();
        String completed = new CompleteLogInResult.LoggedIn(token, account, EXPIRES).toString();

        assertThat(logged).doesNotContain(token).startsWith("LoggedIn[").contains("token=****")
                .contains(account.toString()).contains(EXPIRES.toString());
        assertThat(completed).doesNotContain(token).startsWith("LoggedIn[").contains("token=****")
                .contains(account.toString()).contains(EXPIRES.toString());
    }

    @Property
    void aSecondFactorRequiredResultHidesItsChallengeToken(@ForAll("secrets") String token,
            @ForAll TwoFactorMethod method) {
        String text = new LogInResult.SecondFactorRequired(token, method, EXPIRES).toString();

        assertThat(text).doesNotContain(token).contains("challengeToken=****").contains("method=" + method)
                .contains(EXPIRES.toString());
    }

    @Property
    void aCompleteLogInCommandHidesItsChallengeTokenAndCode(@ForAll("secrets") String token,
            @ForAll("secrets") String code) {
        String text = new CompleteLogInCommand(token, code, Optional.of("192.0.2.7")).toString();

        assertThat(text).doesNotContain(token).doesNotContain(code).contains("code=****")
                .contains("192.0.2.7");
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ23456789").ofMinLength(12).ofMaxLength(40);
    }
}
