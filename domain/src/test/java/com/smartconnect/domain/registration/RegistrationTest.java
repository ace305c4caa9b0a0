package com.smartconnect.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.common.CodeChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final RegistrationId ID = new RegistrationId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final EmailAddress EMAIL = new EmailAddress("ada@example.com");
    private static final SignUpDetails DETAILS = new SignUpDetails(new PersonName("Ada", "Lovelace"), new Country("GB"),
            "password-hash", new Membership.JoinsCompany(new CompanyId(UUID.randomUUID()), UUID.randomUUID()), false,
            START);

    private static Registration newAccount() {
        return Registration.forNewAccount(ID, EMAIL, DETAILS, "h1", START);
    }

    @Test
    void aSignUpForANewAccountIsPendingWithItsFirstCode() {
        Registration registration = newAccount();
        assertThat(registration.id()).isEqualTo(ID);
        assertThat(registration.email()).isEqualTo(EMAIL);
        assertThat(registration.details()).contains(DETAILS);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(registration.createdAt()).isEqualTo(START);
        assertThat(registration.challenge()).isEqualTo(CodeChallenge.issued("h1", START));
        assertThat(registration.isForExistingAccount()).isFalse();
    }

    @Test
    void theRightCodeVerifiesASignUpForANewAccountOnce() {
        VerificationOutcome outcome = newAccount().verify(true, START.plusSeconds(30));
        assertThat(outcome).isInstanceOf(VerificationOutcome.Verified.class);
        Registration verified = outcome.registration();
        assertThat(verified.status()).isEqualTo(RegistrationStatus.VERIFIED);
        assertThat(verified.details()).contains(DETAILS);
        assertThat(verified.challenge()).isEqualTo(newAccount().challenge());

        VerificationOutcome again = verified.verify(true, START.plusSeconds(40));
        assertThat(again).isInstanceOf(VerificationOutcome.AlreadyVerified.class);
        assertThat(again.registration()).isEqualTo(verified);
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() {
        VerificationOutcome outcome = newAccount().verify(false, START.plusSeconds(30));
        assertThat(outcome).isInstanceOfSatisfying(VerificationOutcome.WrongCode.class,
                wrong -> assertThat(wrong.attemptsLeft()).isEqualTo(4));
        assertThat(outcome.registration().challenge().failedAttempts()).isEqualTo(1);
        assertThat(outcome.registration().status()).isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void anExpiredCodeVerifiesNothingAndChangesNothing() {
        Registration registration = newAccount();
        VerificationOutcome outcome = registration.verify(true, START.plus(Duration.ofMinutes(15)));
        assertThat(outcome).isInstanceOf(VerificationOutcome.Expired.class);
        assertThat(outcome.registration()).isEqualTo(registration);
    }

    @Test
    void tooManyWrongTriesLeaveTheRegistrationAsItIs() {
        Registration registration = newAccount();
        for (int i = 0; i < 5; i++) {
            registration = registration.verify(false, START).registration();
        }
        VerificationOutcome outcome = registration.verify(true, START);
        assertThat(outcome).isInstanceOf(VerificationOutcome.TooManyAttempts.class);
        assertThat(outcome.registration()).isEqualTo(registration);
    }

    @Test
    void aNewCodeGivesFreshTriesAndTime() {
        Registration tried = newAccount().verify(false, START).registration();
        Instant later = START.plus(Duration.ofMinutes(20));
        Registration resent = tried.withNewCode("h2", later);
        assertThat(resent.challenge()).isEqualTo(new CodeChallenge("h2", later, later.plus(Duration.ofMinutes(15)), 0, 2));
        assertThat(resent.details()).contains(DETAILS);
        assertThat(resent.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(resent.verify(true, later.plusSeconds(10))).isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void aVerifiedSignUpGetsNoNewCode() {
        Registration verified = newAccount().verify(true, START).registration();
        assertThatThrownBy(() -> verified.withNewCode("h2", START.plusSeconds(120)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSignUpForAnExistingAccountIsNeverStoredAsVerified() {
        assertThatThrownBy(() -> new Registration(ID, EMAIL, Optional.empty(), CodeChallenge.issued("h", START),
                RegistrationStatus.VERIFIED, START)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Registration(ID, EMAIL, Optional.of(DETAILS), CodeChallenge.issued("h", START),
                RegistrationStatus.VERIFIED, START).status()).isEqualTo(RegistrationStatus.VERIFIED);
        assertThat(Registration.forExistingAccount(ID, EMAIL, "h", START).isForExistingAccount()).isTrue();
    }

    @Test
    void aRegistrationIdPrintsAsItsUuid() {
        assertThat(ID.toString()).isEqualTo("00000000-0000-0000-0000-0000000000a1");
    }
}
