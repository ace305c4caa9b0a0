package com.smartconnect.application.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.registration.port.in.ResendCodeCommand;
import com.smartconnect.application.account.registration.port.in.ResendResult;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.registration.RegistrationId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignUpServiceTest {

    private final SignUpFixture f = new SignUpFixture();

    private RegistrationId signUp(String email) {
        SignUpResult result = f.signUp.signUp(SignUpFixture.validSignUp(email));
        assertThat(result).isInstanceOf(SignUpResult.Accepted.class);
        return ((SignUpResult.Accepted) result).registrationId();
    }

    private String mailedCode() {
        OutgoingMail mail = f.outbox.last();
        assertThat(mail.template()).isEqualTo(MailTemplate.SIGN_UP_CODE);
        return mail.values().get("code");
    }

    private VerificationResult verify(RegistrationId id, String code) {
        return f.verify.verify(new VerifyRegistrationCommand(id, code));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theMailedCodeCreatesTheCompanyAndTheActiveAccount() {
        RegistrationId id = signUp("Ada.Lovelace@Example.org");

        VerificationResult result = verify(id, mailedCode());

        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
        var account = f.accounts.findByEmail(new EmailAddress("ada.lovelace@example.org")).orElseThrow();
        assertThat(account.id()).isEqualTo(((VerificationResult.Verified) result).accountId());
        assertThat(account.name().full()).isEqualTo("Ada Lovelace");
        assertThat(account.passwordHash()).doesNotContain("Tr1angle!Sky");
        assertThat(f.companies.findById(account.companyId()).orElseThrow().details().city()).isEqualTo("London");
        assertThat(verify(id, mailedCode())).isInstanceOf(VerificationResult.AlreadyVerified.class);
    }

    @Test
    void theCodeIsSixDigitsAndIsStoredOnlyAsAHash() {
        RegistrationId id = signUp("ada@example.org");
        String code = mailedCode();
        assertThat(code).matches("[0-9]{6}");
        String stored = f.registrations.findById(id).orElseThrow().challenge().codeHash();
        assertThat(stored).doesNotContain(code).isEqualTo(f.hasher.hash(code));
    }

    @Test
    void fiveWrongCodesAreAllowedAndTheSixthTryIsRefusedEvenWithTheRightCode() {
        RegistrationId id = signUp("ada@example.org");
        String code = mailedCode();
        for (int left = 4; left >= 0; left--) {
            assertThat(verify(id, wrong(code))).isEqualTo(new VerificationResult.WrongCode(left));
        }
        assertThat(verify(id, code)).isInstanceOf(VerificationResult.TooManyAttempts.class);
        assertThat(f.accounts.existsWithEmail(new EmailAddress("ada@example.org"))).isFalse();
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        RegistrationId id = signUp("ada@example.org");
        String code = mailedCode();
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(verify(id, code)).isInstanceOf(VerificationResult.CodeExpired.class);
    }

    @Test
    void aCodeStillWorksJustBeforeItExpires() {
        RegistrationId id = signUp("ada@example.org");
        String code = mailedCode();
        f.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(verify(id, code)).isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void aNewCodeCanBeSentOnceAMinuteAndReplacesTheOldOne() {
        f.random.willDraw("111111", "222222");
        RegistrationId id = signUp("ada@example.org");
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(f.resend.resend(new ResendCodeCommand(id))).isEqualTo(new ResendResult.TooSoon(Duration.ofSeconds(40)));

        f.clock.advance(Duration.ofSeconds(40));
        assertThat(f.resend.resend(new ResendCodeCommand(id))).isInstanceOf(ResendResult.Sent.class);
        assertThat(mailedCode()).isEqualTo("222222");
        assertThat(verify(id, "111111")).isInstanceOf(VerificationResult.WrongCode.class);
        assertThat(verify(id, "222222")).isInstanceOf(VerificationResult.Verified.class);
        assertThat(f.resend.resend(new ResendCodeCommand(id))).isInstanceOf(ResendResult.AlreadyVerified.class);
    }

    @Test
    void aSignUpIsSentThreeCodesAtMostSoItsCodeCannotBeGuessedByResending() {
        RegistrationId id = signUp("ada@example.org");
        for (int resent = 1; resent < 3; resent++) {
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.resend.resend(new ResendCodeCommand(id))).isInstanceOf(ResendResult.Sent.class);
        }
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.resend.resend(new ResendCodeCommand(id))).isInstanceOf(ResendResult.LimitReached.class);
        assertThat(verify(id, mailedCode())).isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void anAddressMakesThreeSignUpsAnHourAtMostWhetherOrNotItHasAnAccount() {
        for (String address : new String[] {"new@example.org", "taken@example.org"}) {
            if (address.startsWith("taken")) {
                verify(signUp(address), mailedCode());
                f.clock.advance(Duration.ofMinutes(61));
            }
            for (int i = 0; i < 3; i++) {
                signUp(address);
            }
            int mails = f.outbox.all().size();
            assertThat(f.signUp.signUp(SignUpFixture.validSignUp(address))).isInstanceOf(SignUpResult.TooManySignUps.class);
            assertThat(f.outbox.all()).as("no mail when refused").hasSize(mails);
            f.clock.advance(Duration.ofMinutes(61));
            signUp(address);
        }
    }

    @Test
    void anAddressWithAnAccountCostsTheSameHashingAsANewOne() {
        verify(signUp("ada@example.org"), mailedCode());
        int before = f.hasher.hashes();
        signUp("grace@example.org");
        int forNew = f.hasher.hashes() - before;
        signUp("ada@example.org");
        int forExisting = f.hasher.hashes() - before - forNew;
        assertThat(forExisting).isEqualTo(forNew).isEqualTo(2);
    }

    @Test
    void thePasswordIsCheckedAgainstTheValidPartsWhenOthersAreInvalid() {
        SignUpCommand valid = SignUpFixture.validSignUp("charles.babbage@engines.org");
        SignUpCommand bad = new SignUpCommand(valid.email(), "Charles", " ", "Charles#Engines1", valid.country(),
                valid.company(), Optional.empty(), true, false, "token", Optional.empty());

        SignUpResult result = f.signUp.signUp(bad);

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::code)
                .containsExactly("FIELD_REQUIRED", "PASSWORD_CONTAINS_NAME", "PASSWORD_CONTAINS_EMAIL");
    }

    @Test
    void aResentCodeGivesFreshTriesAfterTheLastWereUsedUp() {
        RegistrationId id = signUp("ada@example.org");
        String code = mailedCode();
        for (int i = 0; i < 5; i++) {
            verify(id, wrong(code));
        }
        f.clock.advance(Duration.ofMinutes(1));
        f.resend.resend(new ResendCodeCommand(id));
        assertThat(verify(id, mailedCode())).isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void anAddressWithAnAccountGetsTheSameAnswerButANoteInsteadOfACode() {
        verify(signUp("ada@example.org"), mailedCode());
        int mailsBefore = f.outbox.all().size();

        SignUpResult again = f.signUp.signUp(SignUpFixture.validSignUp("ADA@example.org"));

        assertThat(again).isInstanceOf(SignUpResult.Accepted.class);
        assertThat(f.outbox.all()).hasSize(mailsBefore + 1);
        OutgoingMail note = f.outbox.last();
        assertThat(note.template()).isEqualTo(MailTemplate.SIGN_UP_EXISTING_ACCOUNT);
        assertThat(note.values()).doesNotContainKey("code");
        RegistrationId shadow = ((SignUpResult.Accepted) again).registrationId();
        for (int i = 0; i < 6; i++) {
            assertThat(verify(shadow, String.format("%06d", i))).isNotInstanceOf(VerificationResult.Verified.class);
        }
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.resend.resend(new ResendCodeCommand(shadow))).isInstanceOf(ResendResult.Sent.class);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.SIGN_UP_EXISTING_ACCOUNT);
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingIsStored() {
        SignUpCommand bad = new SignUpCommand("not-an-address", " ", "Lovelace", "short", "XX",
                Optional.of(new SignUpCommand.CompanyInput("", "Reseller", Optional.empty(), Optional.empty(), "Street 1", " ",
                        "123", "State", "GB")),
                Optional.empty(), false, false, "token", Optional.empty());

        SignUpResult result = f.signUp.signUp(bad);

        assertThat(result).isInstanceOf(SignUpResult.Invalid.class);
        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("email", "INVALID_EMAIL"),
                        org.assertj.core.groups.Tuple.tuple("firstName", "FIELD_REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("country", "INVALID_COUNTRY"),
                        org.assertj.core.groups.Tuple.tuple("password", "PASSWORD_TOO_SHORT"),
                        org.assertj.core.groups.Tuple.tuple("password", "PASSWORD_TOO_FEW_CHARACTER_TYPES"),
                        org.assertj.core.groups.Tuple.tuple("company.name", "FIELD_REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("company.city", "FIELD_REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("privacyAccepted", "PRIVACY_NOT_ACCEPTED"));
        assertThat(f.outbox.all()).isEmpty();
    }

    @Test
    void aPasswordWithTheNameOrTheAddressIsRefusedWithEachRule() {
        SignUpCommand valid = SignUpFixture.validSignUp("charles.babbage@engines.org");
        SignUpCommand bad = new SignUpCommand(valid.email(), "Charles", "Babbage", "xBABBAGE-engines1", valid.country(),
                valid.company(), Optional.empty(), true, false, "token", Optional.empty());

        SignUpResult result = f.signUp.signUp(bad);

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::code)
                .containsExactly("PASSWORD_CONTAINS_NAME", "PASSWORD_CONTAINS_EMAIL");
    }

    @Test
    void aRefusedCaptchaStoresNothing() {
        SignUpCommand valid = SignUpFixture.validSignUp("ada@example.org");
        SignUpCommand robot = new SignUpCommand(valid.email(), valid.firstName(), valid.lastName(), valid.password(),
                valid.country(), valid.company(), Optional.empty(), true, false, ScriptedCaptcha.REFUSED_TOKEN, Optional.empty());
        assertThat(f.signUp.signUp(robot)).isInstanceOf(SignUpResult.CaptchaFailed.class);
        assertThat(f.outbox.all()).isEmpty();
    }

    @Test
    void aCodeThatIsNotSixDigitsDoesNotCountAsATry() {
        RegistrationId id = signUp("ada@example.org");
        for (int i = 0; i < 10; i++) {
            assertThat(verify(id, "12a456")).isInstanceOf(VerificationResult.MalformedCode.class);
        }
        assertThat(verify(id, mailedCode())).isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void anUnknownRegistrationIsNotFound() {
        RegistrationId unknown = new RegistrationId(f.random.uuid());
        assertThat(verify(unknown, "123456")).isInstanceOf(VerificationResult.NotFound.class);
        assertThat(f.resend.resend(new ResendCodeCommand(unknown))).isInstanceOf(ResendResult.NotFound.class);
    }

    @Test
    void whenTwoSignUpsOfOneAddressAreVerifiedOnlyTheFirstMakesTheAccount() {
        RegistrationId first = signUp("ada@example.org");
        String firstCode = mailedCode();
        RegistrationId second = signUp("ada@example.org");
        String secondCode = mailedCode();

        assertThat(verify(second, secondCode)).isInstanceOf(VerificationResult.Verified.class);
        assertThat(verify(first, firstCode)).isInstanceOf(VerificationResult.EmailTaken.class);
        assertThat(f.companies.size()).isEqualTo(1);
    }
}
