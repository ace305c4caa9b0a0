package com.smartconnect.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RegistrationProperties {

    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

    private static Registration fresh() {
        return Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()), new EmailAddress("a@b.org"), "h", START);
    }

    @Property
    void noSequenceOfTriesVerifiesASignUpForAnExistingAccount(@ForAll @Size(max = 12) List<Boolean> matches) {
        Registration registration = fresh();
        for (boolean match : matches) {
            VerificationOutcome outcome = registration.verify(match, START.plusSeconds(10));
            assertThat(outcome).isNotInstanceOf(VerificationOutcome.Verified.class);
            registration = outcome.registration();
        }
    }

    @Property
    void afterFiveWrongTriesEveryTryIsRefused(@ForAll @IntRange(min = 5, max = 9) int wrongTries) {
        Registration registration = fresh();
        for (int i = 0; i < wrongTries; i++) {
            registration = registration.verify(false, START).registration();
        }
        assertThat(registration.challenge().failedAttempts()).isEqualTo(5);
        assertThat(registration.verify(true, START)).isInstanceOf(VerificationOutcome.TooManyAttempts.class);
    }

    @Property
    void aResendIsAllowedExactlyOneMinuteAfterTheLastCode(@ForAll @IntRange(min = 0, max = 180) int seconds) {
        Registration registration = fresh();
        Duration wait = registration.waitBeforeResend(START.plusSeconds(seconds));
        assertThat(wait).isEqualTo(seconds >= 60 ? Duration.ZERO : Duration.ofSeconds(60 - seconds));
    }
}
