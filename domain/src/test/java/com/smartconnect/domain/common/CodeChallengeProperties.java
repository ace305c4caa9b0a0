package com.smartconnect.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CodeChallengeProperties {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(15));

    @Example
    void theFirstCodeHasFifteenMinutesAndFiveTries() {
        CodeChallenge first = CodeChallenge.issued("h1", NOW);
        assertThat(first).isEqualTo(new CodeChallenge("h1", NOW, EXPIRY, 0, 1));
        assertThat(first.attemptsLeft()).isEqualTo(5);
        assertThat(first.isExhausted()).isFalse();
        assertThat(first.mayReissue()).isTrue();
    }

    @Property
    void wrongTriesAreCountedFromZeroToFive(@ForAll @IntRange(min = -3, max = 9) int failed) {
        if (failed >= 0 && failed <= CodeChallenge.MAX_WRONG_ATTEMPTS) {
            CodeChallenge challenge = new CodeChallenge("h", NOW, EXPIRY, failed, 1);
            assertThat(challenge.attemptsLeft()).isEqualTo(5 - failed);
            assertThat(challenge.isExhausted()).isEqualTo(failed == 5);
        } else {
            assertThatThrownBy(() -> new CodeChallenge("h", NOW, EXPIRY, failed, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void oneToThreeCodesMayBeSent(@ForAll @IntRange(min = -2, max = 6) int sent) {
        if (sent >= 1 && sent <= CodeChallenge.MAX_CODES) {
            assertThat(new CodeChallenge("h", NOW, EXPIRY, 0, sent).mayReissue()).isEqualTo(sent < 3);
        } else {
            assertThatThrownBy(() -> new CodeChallenge("h", NOW, EXPIRY, 0, sent))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void eachWrongTryTakesOneOfTheFive(@ForAll @IntRange(min = 0, max = 5) int wrong) {
        CodeChallenge challenge = CodeChallenge.issued("h", NOW);
        for (int i = 0; i < wrong; i++) {
            challenge = challenge.withFailedAttempt();
        }
        assertThat(challenge.failedAttempts()).isEqualTo(wrong);
        assertThat(challenge.attemptsLeft()).isEqualTo(5 - wrong);
        assertThat(challenge.isExhausted()).isEqualTo(wrong == 5);
        assertThat(challenge.codeHash()).isEqualTo("h");
        assertThat(challenge.expiresAt()).isEqualTo(EXPIRY);
    }

    @Property
    void aCodeExpiresFifteenMinutesAfterItWasSent(@ForAll @LongRange(min = 0, max = 3600) long seconds) {
        assertThat(CodeChallenge.issued("h", NOW).isExpiredAt(NOW.plusSeconds(seconds))).isEqualTo(seconds >= 900);
    }

    @Property
    void aNewCodeGetsFreshTimeAndTriesUpToThreeCodes(@ForAll @IntRange(min = 0, max = 5) int failed,
            @ForAll @LongRange(min = 60, max = 3600) long secondsLater) {
        CodeChallenge challenge = new CodeChallenge("h1", NOW, EXPIRY, failed, 1);
        Instant later = NOW.plusSeconds(secondsLater);
        CodeChallenge second = challenge.reissued("h2", later);
        assertThat(second).isEqualTo(new CodeChallenge("h2", later, later.plus(Duration.ofMinutes(15)), 0, 2));
        CodeChallenge third = second.withFailedAttempt().reissued("h3", later.plusSeconds(60));
        assertThat(third.codesSent()).isEqualTo(3);
        assertThat(third.failedAttempts()).isZero();
        assertThat(third.mayReissue()).isFalse();
        assertThatThrownBy(() -> third.reissued("h4", later.plusSeconds(120))).isInstanceOf(IllegalStateException.class);
    }
}
