package com.smartconnect.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.EmailChange.Outcome;
import com.smartconnect.domain.account.EmailChange.Tried;
import com.smartconnect.domain.common.CodeChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EmailChangeProperties {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final EmailAddress NEW = new EmailAddress("new@example.com");

    private static EmailChange requested(boolean addressTaken) {
        return EmailChange.request(ID, ACCOUNT, NEW, addressTaken, "hash", NOW);
    }

    @Example
    void aRequestedChangeWaitsForTheFirstCodeForFifteenMinutes() {
        EmailChange change = requested(false);
        assertThat(change.id()).isEqualTo(ID);
        assertThat(change.accountId()).isEqualTo(ACCOUNT);
        assertThat(change.newEmail()).isEqualTo(NEW);
        assertThat(change.addressTaken()).isFalse();
        assertThat(change.createdAt()).isEqualTo(NOW);
        assertThat(change.challenge()).isEqualTo(new CodeChallenge("hash", NOW, NOW.plus(Duration.ofMinutes(15)), 0, 1));
    }

    @Property
    void theRightCodeWithinFifteenMinutesConfirmsTheChange(@ForAll @IntRange(min = 0, max = 899) int seconds) {
        EmailChange change = requested(false);
        Tried tried = change.attempt(true, NOW.plusSeconds(seconds));
        assertThat(tried.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(tried.change()).isEqualTo(change);
    }

    @Property
    void fromTheFifteenthMinuteOnEveryCodeHasExpiredAndNothingChanges(
            @ForAll @IntRange(min = 900, max = 100_000) int seconds, @ForAll boolean matches) {
        EmailChange change = requested(false);
        Tried tried = change.attempt(matches, NOW.plusSeconds(seconds));
        assertThat(tried.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(tried.change()).isEqualTo(change);
    }

    @Property
    void aWrongCodeCountsOneFailureAndKeepsTheRest(@ForAll @IntRange(min = 0, max = 4) int earlierFailures) {
        EmailChange change = requested(false);
        for (int i = 0; i < earlierFailures; i++) {
            change = change.attempt(false, NOW).change();
        }
        Tried tried = change.attempt(false, NOW.plusSeconds(5));
        assertThat(tried.outcome()).isEqualTo(Outcome.WRONG_CODE);
        EmailChange after = tried.change();
        assertThat(after.challenge().failedAttempts()).isEqualTo(earlierFailures + 1);
        assertThat(after.challenge().codeHash()).isEqualTo("hash");
        assertThat(after.challenge().sentAt()).isEqualTo(NOW);
        assertThat(after.challenge().expiresAt()).isEqualTo(change.challenge().expiresAt());
        assertThat(after.challenge().codesSent()).isEqualTo(1);
        assertThat(after.id()).isEqualTo(ID);
        assertThat(after.accountId()).isEqualTo(ACCOUNT);
        assertThat(after.newEmail()).isEqualTo(NEW);
        assertThat(after.createdAt()).isEqualTo(NOW);
    }

    /** The rules in words: five wrong tries are allowed, and the try after them is refused even with the right code. */
    @Property
    void aChangeIsConfirmedOnlyByTheRightCodeBeforeFiveWrongOnes(@ForAll @Size(max = 10) List<Boolean> tries) {
        EmailChange change = requested(false);
        int wrong = 0;
        for (boolean matches : tries) {
            Tried tried = change.attempt(matches, NOW.plusSeconds(30));
            if (wrong >= 5) {
                assertThat(tried.outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
                assertThat(tried.change()).isEqualTo(change);
            } else if (matches) {
                assertThat(tried.outcome()).isEqualTo(Outcome.CONFIRMED);
            } else {
                assertThat(tried.outcome()).isEqualTo(Outcome.WRONG_CODE);
                wrong++;
            }
            change = tried.change();
        }
    }

    @Property
    void aChangeToAnAddressThatHasAnAccountIsNeverConfirmed(@ForAll @Size(max = 10) List<Boolean> tries) {
        EmailChange change = requested(true);
        for (boolean matches : tries) {
            Tried tried = change.attempt(matches, NOW.plusSeconds(30));
            assertThat(tried.outcome()).isIn(Outcome.WRONG_CODE, Outcome.TOO_MANY_ATTEMPTS);
            assertThat(tried.change().addressTaken()).isTrue();
            change = tried.change();
        }
    }

    @Example
    void aTakenAddressAnswersTheRightCodeAsAWrongOne() {
        Tried tried = requested(true).attempt(true, NOW);
        assertThat(tried.outcome()).isEqualTo(Outcome.WRONG_CODE);
        assertThat(tried.change().challenge().failedAttempts()).isEqualTo(1);
    }

    @Example
    void tooManyWrongTriesWinOverExpiry() {
        EmailChange change = requested(false);
        for (int i = 0; i < 5; i++) {
            change = change.attempt(false, NOW).change();
        }
        assertThat(change.attempt(true, NOW.plus(Duration.ofHours(1))).outcome()).isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
    }
}
