package com.smartconnect.application.account.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.AccountMails;
import com.smartconnect.application.account.ChangePasswordService;
import com.smartconnect.application.account.DeleteAccountService;
import com.smartconnect.application.account.SettledMailsOfAccount;
import com.smartconnect.application.account.invitation.CoworkerInvitationsOfAccount;
import com.smartconnect.application.account.port.in.ChangePasswordCommand;
import com.smartconnect.application.account.port.in.ChangePasswordResult;
import com.smartconnect.application.account.port.in.DeleteAccountCommand;
import com.smartconnect.application.account.port.in.DeleteAccountResult;
import com.smartconnect.application.account.registration.RegistrationsOfAccount;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.CompleteLogInService;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.LoginFailuresOfAccount;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.SessionsOfAccount;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.CompleteLogInCommand;
import com.smartconnect.application.account.session.port.in.CompleteLogInResult;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorCommand;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.application.fake.InMemoryAccountDeletions;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryPasswordResets;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.reseller.ResellerConnectionsOfAccount;
import com.smartconnect.domain.session.SessionPolicy;
import com.smartconnect.domain.twofactor.Totp;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwoFactorServiceTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String EMAIL = "ada@example.org";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final LogInService logIn = f.logIn(sessions, failures, SessionPolicy.DEFAULT);
    private final CompleteLogInService complete = new CompleteLogInService(f.clock, f.transactions, f.accounts,
            f.twoFactor, f.challenges, f.secondFactor, f.loginAttempts(sessions, failures, SessionPolicy.DEFAULT));
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final TwoFactorEnrolmentService enrolment = new TwoFactorEnrolmentService(f.clock, f.random, f.hasher,
            f.transactions, f.accounts, f.twoFactor, sessions, failures, f.outbox, f.secondFactor);
    private final DisableTwoFactorService disable = new DisableTwoFactorService(f.clock, f.random, f.hasher,
            f.transactions, f.accounts, f.twoFactor, f.mailedCodes, f.challenges, sessions, failures, f.outbox,
            f.secondFactor);
    private final SendTwoFactorCodeService send = new SendTwoFactorCodeService(f.clock, f.transactions, f.accounts,
            f.twoFactor, f.challenges, f.secondFactor);
    private final TwoFactorCheckService gate = new TwoFactorCheckService(f.twoFactor);
    private final DeleteAccountService delete = new DeleteAccountService(f.clock, f.random, f.hasher, f.transactions,
            f.accounts, f.companies, failures, new InMemoryAccountDeletions(), f.outbox, new AccountMails(f.random),
            f.twoFactor, f.secondFactor, Set.of(new SessionsOfAccount(sessions),
                    new TwoFactorOfAccount(f.challenges, f.mailedCodes, f.twoFactor),
                    new ResellerConnectionsOfAccount(f.resellerConnections), new RegistrationsOfAccount(f.registrations),
                    new LoginFailuresOfAccount(failures), new CoworkerInvitationsOfAccount(f.invitations),
                    new SettledMailsOfAccount(f.outbox)));

    /** The token of the session that signed up and logged in first. */
    private String firstToken;

    private final ChangePasswordService changePassword = new ChangePasswordService(f.clock, f.hasher, f.transactions,
            f.accounts, sessions, new InMemoryPasswordResets(), f.outbox, new AccountMails(f.random), failures,
            f.challenges);

    private AuthenticatedUser signUpAndLogIn() {
        var id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(EMAIL))).registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
        firstToken = ((LogInResult.LoggedIn) logIn(PASSWORD)).token();
        return authenticate(firstToken);
    }

    private LogInResult logIn(String password) {
        return logIn.logIn(new LogInCommand(EMAIL, password, Optional.of("203.0.113.7")));
    }

    private AuthenticatedUser authenticate(String token) {
        return authenticator.authenticate(token).orElseThrow();
    }

    private String appCode(String base32Secret, int stepsFromNow) {
        return f.totp.codeForBase32(base32Secret, Totp.stepAt(f.clock.instant()) + stepsFromNow);
    }

    /** Turns on the authenticator app for the user; returns the secret and the recovery codes. */
    private Enrolled enrolApp(AuthenticatedUser user) {
        var secret = (StartTwoFactorEnrolmentResult.AuthenticatorSecret) enrolment.start(
                new StartTwoFactorEnrolmentCommand(user, TwoFactorMethod.TOTP));
        var enabled = (ConfirmTwoFactorEnrolmentResult.Enabled) enrolment.confirm(
                new ConfirmTwoFactorEnrolmentCommand(user, appCode(secret.secret(), 0)));
        return new Enrolled(secret.secret(), enabled.recoveryCodes());
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private AuthenticatedUser enrolByEmail(AuthenticatedUser user) {
        f.random.willDraw("246810");
        assertThat(enrolment.start(new StartTwoFactorEnrolmentCommand(user, TwoFactorMethod.EMAIL)))
                .isInstanceOf(StartTwoFactorEnrolmentResult.CodeMailed.class);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.TWO_FACTOR_ENROLMENT_CODE);
        assertThat(enrolment.confirm(new ConfirmTwoFactorEnrolmentCommand(user, "246810")))
                .isInstanceOf(ConfirmTwoFactorEnrolmentResult.Enabled.class);
        return user;
    }

    @Test
    void anAppEnrolmentIsOnOnlyAfterACorrectCodeAndThenGivesTenRecoveryCodesAndPassesTheSession() {
        AuthenticatedUser user = signUpAndLogIn();
        var started = (StartTwoFactorEnrolmentResult.AuthenticatorSecret) enrolment.start(
                new StartTwoFactorEnrolmentCommand(user, TwoFactorMethod.TOTP));
        assertThat(started.otpauthUri()).startsWith("otpauth://totp/SmartConnect:ada%40example.org?secret=" + started.secret());
        assertThat(enrolment.pendingOtpauthUri(user.accountId())).contains(started.otpauthUri());
        assertThat(enrolment.statusOf(user.accountId()).enabled()).isFalse();
        assertThat(f.twoFactor.findByAccount(user.accountId()).orElseThrow().sealedTotpSecret().orElseThrow())
                .as("the secret is stored sealed").startsWith("sealed:").doesNotContain(started.secret());

        String wrong = appCode(started.secret(), 5);
        assertThat(enrolment.confirm(new ConfirmTwoFactorEnrolmentCommand(user, wrong)))
                .isEqualTo(new ConfirmTwoFactorEnrolmentResult.CodeIncorrect());
        assertThat(gate.isOnAndPassed(authenticate(firstToken))).isFalse();

        var enabled = enrolment.confirm(new ConfirmTwoFactorEnrolmentCommand(user, appCode(started.secret(), -1)));

        assertThat(enabled).isInstanceOf(ConfirmTwoFactorEnrolmentResult.Enabled.class);
        List<String> codes = ((ConfirmTwoFactorEnrolmentResult.Enabled) enabled).recoveryCodes();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        TwoFactorStatus status = enrolment.statusOf(user.accountId());
        assertThat(status.method()).contains(TwoFactorMethod.TOTP);
        assertThat(status.recoveryCodesLeft()).isEqualTo(10);
        assertThat(status.pendingEnrolment()).isEmpty();
        assertThat(enrolment.pendingOtpauthUri(user.accountId())).isEmpty();
        assertThat(gate.isOnAndPassed(authenticate(firstToken))).as("the session that turned it on passed it").isTrue();
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.TWO_FACTOR_ENABLED);
        assertThat(enrolment.start(new StartTwoFactorEnrolmentCommand(user, TwoFactorMethod.EMAIL)))
                .isEqualTo(new StartTwoFactorEnrolmentResult.AlreadyOn());
    }

    @Test
    void anEnrolmentNotConfirmedWithinFifteenMinutesMustStartAgain() {
        AuthenticatedUser user = signUpAndLogIn();
        var started = (StartTwoFactorEnrolmentResult.AuthenticatorSecret) enrolment.start(
                new StartTwoFactorEnrolmentCommand(user, TwoFactorMethod.TOTP));
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(enrolment.confirm(new ConfirmTwoFactorEnrolmentCommand(user, appCode(started.secret(), 0))))
                .isEqualTo(new ConfirmTwoFactorEnrolmentResult.NoEnrolment());
    }

    @Test
    void withTheAppOnLoginTakesTheCodeAsASecondStepAndNoCodeWorksTwice() {
        AuthenticatedUser user = signUpAndLogIn();
        Enrolled app = enrolApp(user);
        f.clock.advance(Duration.ofMinutes(1));

        var first = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(first.method()).isEqualTo(TwoFactorMethod.TOTP);
        assertThat(logIn(PASSWORD)).as("a second login opens another challenge")
                .isInstanceOf(LogInResult.SecondFactorRequired.class);
        String code = appCode(app.secret(), 0);
        var loggedIn = complete.complete(new CompleteLogInCommand(first.challengeToken(), code, Optional.empty()));

        assertThat(loggedIn).isInstanceOf(CompleteLogInResult.LoggedIn.class);
        AuthenticatedUser second = authenticate(((CompleteLogInResult.LoggedIn) loggedIn).token());
        assertThat(second.twoFactorPassed()).isTrue();
        assertThat(gate.isOnAndPassed(second)).isTrue();
        assertThat(complete.complete(new CompleteLogInCommand(first.challengeToken(), code, Optional.empty())))
                .as("the challenge is used up").isEqualTo(new CompleteLogInResult.LoginExpired());
        var again = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(complete.complete(new CompleteLogInCommand(again.challengeToken(), code, Optional.empty())))
                .as("the same code again").isEqualTo(new CompleteLogInResult.CodeIncorrect(4));
    }

    @Test
    void aRecoveryCodeLogsInOnceInAnyCaseAndWithoutDashes() {
        AuthenticatedUser user = signUpAndLogIn();
        Enrolled app = enrolApp(user);
        String recovery = app.recoveryCodes().get(3);

        var challenge = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        String typed = recovery.replace("-", "").toLowerCase();
        assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), typed, Optional.empty())))
                .isInstanceOf(CompleteLogInResult.LoggedIn.class);
        assertThat(enrolment.statusOf(user.accountId()).recoveryCodesLeft()).isEqualTo(9);

        var next = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(complete.complete(new CompleteLogInCommand(next.challengeToken(), recovery, Optional.empty())))
                .isEqualTo(new CompleteLogInResult.CodeIncorrect(4));
    }

    @Test
    void fiveWrongCodesEndTheChallengeAndCountAgainstTheAddressLikeWrongPasswords() {
        AuthenticatedUser user = signUpAndLogIn();
        Enrolled app = enrolApp(user);
        var challenge = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        String wrong = appCode(app.secret(), 7);
        for (int left = 4; left >= 1; left--) {
            assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), wrong, Optional.empty())))
                    .isEqualTo(new CompleteLogInResult.CodeIncorrect(left));
        }
        assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), wrong, Optional.empty())))
                .isEqualTo(new CompleteLogInResult.LoginExpired());
        assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), appCode(app.secret(), 0),
                Optional.empty()))).as("even the right code, after that").isEqualTo(new CompleteLogInResult.LoginExpired());
        assertThat(f.outbox.last().template()).as("the owner is warned, as after five wrong passwords")
                .isEqualTo(MailTemplate.LOGIN_ATTEMPTS_WARNING);
        assertThat(logIn(PASSWORD)).isInstanceOf(LogInResult.Throttled.class);
    }

    @Test
    void byEmailTheLoginMailsACodeForThatLoginOnly() {
        AuthenticatedUser user = enrolByEmail(signUpAndLogIn());
        f.random.willDraw("135790");
        var challenge = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(challenge.method()).isEqualTo(TwoFactorMethod.EMAIL);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.TWO_FACTOR_LOGIN_CODE);
        assertThat(f.outbox.last().values()).containsEntry("code", "135790");

        assertThat(send.sendForLogIn(challenge.challengeToken())).isInstanceOf(SendTwoFactorCodeResult.TooSoon.class);
        assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, "135790")))
                .as("a login code does not turn two-factor off").isEqualTo(new DisableTwoFactorResult.CodeIncorrect());
        var loggedIn = complete.complete(new CompleteLogInCommand(challenge.challengeToken(), " 135790 ", Optional.empty()));
        assertThat(loggedIn).isInstanceOf(CompleteLogInResult.LoggedIn.class);
    }

    @Test
    void aMailedLoginCodeCanBeSentAgainAfterAMinuteAndOnlyTheNewOneWorks() {
        enrolByEmail(signUpAndLogIn());
        f.random.willDraw("111111", "222222");
        var challenge = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(send.sendForLogIn(challenge.challengeToken())).isInstanceOf(SendTwoFactorCodeResult.Sent.class);
        assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), "111111", Optional.empty())))
                .isEqualTo(new CompleteLogInResult.CodeIncorrect(4));
        assertThat(complete.complete(new CompleteLogInCommand(challenge.challengeToken(), "222222", Optional.empty())))
                .isInstanceOf(CompleteLogInResult.LoggedIn.class);
        assertThat(send.sendForLogIn("no-such-challenge")).isEqualTo(new SendTwoFactorCodeResult.LoginExpired());
    }

    @Test
    void turningItOffNeedsThePasswordAndACodeAndUnpassesEverySession() {
        AuthenticatedUser user = signUpAndLogIn();
        Enrolled app = enrolApp(user);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(send.sendForConfirmation(user)).isEqualTo(new SendTwoFactorCodeResult.NotByEmail());

        assertThat(disable.disable(new DisableTwoFactorCommand(user, "Wr0ng!pass", appCode(app.secret(), 0))))
                .isEqualTo(new DisableTwoFactorResult.PasswordIncorrect());
        assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, "000000")))
                .isEqualTo(new DisableTwoFactorResult.CodeIncorrect());
        assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, appCode(app.secret(), 0))))
                .isEqualTo(new DisableTwoFactorResult.Disabled());

        assertThat(enrolment.statusOf(user.accountId()).enabled()).isFalse();
        assertThat(enrolment.statusOf(user.accountId()).recoveryCodesLeft()).isZero();
        assertThat(authenticate(firstToken).twoFactorPassed()).isFalse();
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.TWO_FACTOR_DISABLED);
        assertThat(logIn(PASSWORD)).isInstanceOf(LogInResult.LoggedIn.class);
        assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, "000000")))
                .isEqualTo(new DisableTwoFactorResult.NotOn());
    }

    @Test
    void wrongCodesForTurningItOffAreThrottledLikeWrongPasswords() {
        AuthenticatedUser user = signUpAndLogIn();
        enrolApp(user);
        for (int i = 0; i < 5; i++) {
            assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")))
                    .isEqualTo(new DisableTwoFactorResult.CodeIncorrect());
        }
        assertThat(disable.disable(new DisableTwoFactorCommand(user, PASSWORD, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")))
                .isInstanceOf(DisableTwoFactorResult.Throttled.class);
    }

    @Test
    void deletingTheAccountWithItOnNeedsAConfirmationCode() {
        AuthenticatedUser user = enrolByEmail(signUpAndLogIn());
        assertThat(delete.delete(new DeleteAccountCommand(user, PASSWORD)))
                .isEqualTo(new DeleteAccountResult.SecondFactorRequired());
        f.random.willDraw("975310");
        assertThat(send.sendForConfirmation(user)).isInstanceOf(SendTwoFactorCodeResult.Sent.class);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.TWO_FACTOR_CONFIRMATION_CODE);
        assertThat(delete.delete(new DeleteAccountCommand(user, PASSWORD, Optional.of("975311"))))
                .isEqualTo(new DeleteAccountResult.CodeIncorrect());
        assertThat(delete.delete(new DeleteAccountCommand(user, PASSWORD, Optional.of("975310"))))
                .isEqualTo(new DeleteAccountResult.Deleted());
        assertThat(f.twoFactor.findByAccount(user.accountId())).isEmpty();
        assertThat(f.mailedCodes.size()).isZero();
    }

    @Test
    void aSessionFromBeforeTurningItOnHasNotPassedItAndTheGateAsksWhetherItIsStillOn() {
        AuthenticatedUser first = signUpAndLogIn();
        AuthenticatedUser earlier = authenticate(((LogInResult.LoggedIn) logIn(PASSWORD)).token());
        enrolApp(first);
        assertThat(gate.isOnAndPassed(authenticate(firstToken))).isTrue();
        assertThat(gate.isOnAndPassed(earlier)).as("another session, from before").isFalse();

        f.twoFactor.delete(first.accountId());
        assertThat(gate.isOnAndPassed(authenticate(firstToken))).as("passed, but no longer on").isFalse();
    }

    @Test
    void changingThePasswordEndsTheLoginsWaitingForTheirCode() {
        AuthenticatedUser user = signUpAndLogIn();
        Enrolled app = enrolApp(user);
        var waiting = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(changePassword.change(new ChangePasswordCommand(user, PASSWORD, "Kestrel#Harbour9")))
                .isInstanceOf(ChangePasswordResult.Changed.class);
        assertThat(complete.complete(new CompleteLogInCommand(waiting.challengeToken(), appCode(app.secret(), 1),
                Optional.empty()))).isEqualTo(new CompleteLogInResult.LoginExpired());
    }

    @Test
    void loggingInAgainWithinAMinuteDoesNotMailAnotherCode() {
        enrolByEmail(signUpAndLogIn());
        f.random.willDraw("112233", "445566");
        var first = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        int mails = f.outbox.all().size();
        var second = (LogInResult.SecondFactorRequired) logIn(PASSWORD);
        assertThat(f.outbox.all()).hasSize(mails);
        assertThat(complete.complete(new CompleteLogInCommand(second.challengeToken(), "112233", Optional.empty())))
                .as("the code mailed for the first still works").isInstanceOf(CompleteLogInResult.LoggedIn.class);
        assertThat(first.challengeToken()).isNotEqualTo(second.challengeToken());
    }

    @Test
    void wrongCodesForDeletingTheAccountAreThrottledLikeWrongPasswords() {
        AuthenticatedUser user = signUpAndLogIn();
        enrolApp(user);
        for (int i = 0; i < 5; i++) {
            assertThat(delete.delete(new DeleteAccountCommand(user, PASSWORD, Optional.of("ZZZZ-ZZZZ-ZZZZ-ZZZZ"))))
                    .isEqualTo(new DeleteAccountResult.CodeIncorrect());
        }
        assertThat(delete.delete(new DeleteAccountCommand(user, PASSWORD, Optional.of("ZZZZ-ZZZZ-ZZZZ-ZZZZ"))))
                .isInstanceOf(DeleteAccountResult.Throttled.class);
        assertThat(f.accounts.findById(user.accountId())).isPresent();
    }
}
