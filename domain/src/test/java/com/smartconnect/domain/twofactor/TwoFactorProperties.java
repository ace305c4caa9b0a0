package com.smartconnect.domain.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TwoFactorProperties {

    @Example
    void base32FollowsTheTestVectorsOfRfc4648() {
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.encode("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
        assertThat(Base32.encode("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6");
        assertThat(Base32.encode("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
        assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Property
    void base32DecodesBackToTheSameBytes(@ForAll @Size(min = 16, max = 64) byte[] bytes) {
        String encoded = new TotpSecret(bytes).base32();
        assertThat(encoded).matches("[A-Z2-7]+").hasSize((bytes.length * 8 + 4) / 5);
        assertThat(decode(encoded, bytes.length)).isEqualTo(bytes);
    }

    @Example
    void theOtpauthUriNamesIssuerAndAccountAndCarriesTheSecret() {
        TotpSecret secret = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret.otpauthUri("SmartConnect", "ada lovelace+ups@example.com")).isEqualTo(
                "otpauth://totp/SmartConnect:ada%20lovelace%2Bups%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=SmartConnect&algorithm=SHA1&digits=6&period=30");
        assertThat(secret.toString()).doesNotContain("GEZDG");
    }

    @Property
    void onlyStepsAroundNowAndAfterTheLastUsedOneAreAccepted(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
            @ForAll @LongRange(min = -1, max = 200_000_000L) long lastUsed) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        long current = Totp.stepAt(now);
        assertThat(Totp.acceptableSteps(now, lastUsed).boxed().toList()).allSatisfy(step -> {
            assertThat(step).isBetween(current - 1, current + 1);
            assertThat(step).isGreaterThan(lastUsed);
        });
        if (lastUsed < current - 1) {
            assertThat(Totp.acceptableSteps(now, lastUsed).toArray()).containsExactly(current - 1, current, current + 1);
        }
    }

    @Example
    void aStepIsThirtySeconds() {
        assertThat(Totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
    }

    @Property
    void recoveryCodesAreShownInGroupsAndReadBackInAnyCase(@ForAll @Size(10) byte[] bytes) {
        String shown = RecoveryCodes.display(bytes);
        assertThat(shown).matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
        String typed = " " + shown.toLowerCase().replace("-", " - ") + " ";
        assertThat(RecoveryCodes.normalise(typed)).isEqualTo(shown.replace("-", ""));
        assertThat(RecoveryCodes.isWellFormed(RecoveryCodes.normalise(typed))).isTrue();
    }

    @Example
    void sixDigitCodesAreNotRecoveryCodes() {
        assertThat(RecoveryCodes.isWellFormed(RecoveryCodes.normalise("123456"))).isFalse();
        assertThat(RecoveryCodes.isWellFormed("ABCDEFGHIJKLMNO1")).isFalse();
    }

    @Example
    void anEnrolmentIsPendingForFifteenMinutesAndASecretBelongsToTotpOnly() {
        AccountId account = new AccountId(UUID.randomUUID());
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        TwoFactorSetting enrolment = TwoFactorSetting.enrolment(account, TwoFactorMethod.EMAIL, Optional.empty(), start);
        assertThat(enrolment.isPendingAt(start.plusSeconds(899))).isTrue();
        assertThat(enrolment.isPendingAt(start.plusSeconds(900))).isFalse();
        assertThat(enrolment.confirmed().isPendingAt(start)).isFalse();
        assertThatThrownBy(() -> TwoFactorSetting.enrolment(account, TwoFactorMethod.EMAIL, Optional.of("x"), start))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoFactorSetting.enrolment(account, TwoFactorMethod.TOTP, Optional.empty(), start))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aMailedCodeTakesFiveWrongTriesWithinTenMinutes(@ForAll @LongRange(min = 0, max = 1200) long secondsLater,
            @ForAll @LongRange(min = 0, max = 7) long failures) {
        Instant sent = Instant.parse("2026-11-23T10:00:00Z");
        MailedCode code = new MailedCode(new AccountId(UUID.randomUUID()), CodePurpose.LOGIN, "h", sent,
                sent.plus(MailedCode.VALIDITY), (int) failures);
        Instant now = sent.plusSeconds(secondsLater);
        assertThat(code.acceptsTriesAt(now)).isEqualTo(secondsLater < 600 && failures < 5);
        assertThat(code.mayResendAt(now)).isEqualTo(secondsLater >= 60);
    }

    private static byte[] decode(String base32, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[length];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
