package com.smartconnect.domain.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LoginChallengeProperties {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));

    @Property
    void aChallengeLastsTenMinutesForEveryMethod(@ForAll TwoFactorMethod method) {
        LoginChallenge challenge = LoginChallenge.start(ID, "token-hash", ACCOUNT, method, NOW);
        assertThat(challenge).isEqualTo(new LoginChallenge(ID, "token-hash", ACCOUNT, method,
                NOW.plus(Duration.ofMinutes(10)), 0));
    }

    @Property
    void aChallengeIsOpenBeforeItsExpiryAndBeforeFiveWrongCodes(
            @ForAll @LongRange(min = 0, max = 1200) long seconds, @ForAll @IntRange(min = 0, max = 8) int failed) {
        LoginChallenge challenge = new LoginChallenge(ID, "h", ACCOUNT, TwoFactorMethod.TOTP,
                NOW.plus(LoginChallenge.VALIDITY), failed);
        assertThat(challenge.isOpenAt(NOW.plusSeconds(seconds))).isEqualTo(seconds < 600 && failed < 5);
    }

    @Property
    void theAttemptsLeftAfterAFailureCountDownToZero(@ForAll @IntRange(min = 0, max = 8) int failed) {
        LoginChallenge challenge = new LoginChallenge(ID, "h", ACCOUNT, TwoFactorMethod.EMAIL,
                NOW.plus(LoginChallenge.VALIDITY), failed);
        assertThat(challenge.attemptsLeftAfterFailure()).isEqualTo(Math.max(0, 4 - failed));
    }

    @Example
    void theFirstFailureLeavesFourAndTheFifthNone() {
        assertThat(new LoginChallenge(ID, "h", ACCOUNT, TwoFactorMethod.TOTP, NOW, 0).attemptsLeftAfterFailure())
                .isEqualTo(4);
        assertThat(new LoginChallenge(ID, "h", ACCOUNT, TwoFactorMethod.TOTP, NOW, 4).attemptsLeftAfterFailure())
                .isZero();
    }

    @Example
    void aMailedCodeLastsTenMinutesAndMayBeResentAfterAMinute() {
        MailedCode code = MailedCode.sent(ACCOUNT, CodePurpose.values()[0], "h", NOW);
        assertThat(code.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(code.failedAttempts()).isZero();
        assertThat(code.sentAt()).isEqualTo(NOW);
        assertThat(code.acceptsTriesAt(NOW.plusSeconds(599))).isTrue();
        assertThat(code.acceptsTriesAt(NOW.plusSeconds(600))).isFalse();
        assertThat(code.resendWait(NOW.plusSeconds(20))).isEqualTo(Duration.ofSeconds(40));
        assertThat(code.mayResendAt(NOW.plusSeconds(59))).isFalse();
        assertThat(code.mayResendAt(NOW.plusSeconds(60))).isTrue();
    }

    @Property
    void aTotpSecretIsAtLeast128BitsAndKeptOutOfReach(@ForAll @Size(min = 16, max = 40) byte[] bytes) {
        TotpSecret secret = new TotpSecret(bytes);
        byte[] read = secret.bytes();
        assertThat(read).isEqualTo(bytes);
        read[0]++;
        bytes[1]++;
        assertThat(secret.bytes()).isNotEqualTo(read);
        assertThat(secret.toString()).startsWith("TotpSecret").doesNotContain(secret.base32());
    }

    @Property
    void totpSecretsAreEqualByTheirBytes(@ForAll @Size(min = 16, max = 20) byte[] bytes) {
        TotpSecret secret = new TotpSecret(bytes);
        TotpSecret same = new TotpSecret(bytes.clone());
        assertThat(secret).isEqualTo(same).hasSameHashCodeAs(same);
        byte[] other = bytes.clone();
        other[other.length - 1]++;
        assertThat(secret).isNotEqualTo(new TotpSecret(other));
        assertThat(secret).isNotEqualTo(secret.base32());
    }

    @Example
    void aShortTotpSecretIsRefused() {
        assertThatThrownBy(() -> new TotpSecret(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
