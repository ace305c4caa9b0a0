package com.smartconnect.application.account.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));
    private final LogInService logIn = f.logIn(sessions, failures, policy);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, policy);
    private final LogOutService logOut = new LogOutService(sessions);

    private RegistrationId signUp(String email) {
        return ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(email))).registrationId();
    }

    private void signUpAndVerify(String email) {
        RegistrationId id = signUp(email);
        String code = f.outbox.last().values().get("code");
        assertThat(f.verify.verify(new VerifyRegistrationCommand(id, code))).isInstanceOf(VerificationResult.Verified.class);
    }

    private LogInResult logIn(String email, String password) {
        return logIn.logIn(new LogInCommand(email, password, Optional.of("203.0.113.7")));
    }

    @Test
    void theRightPasswordStartsASessionWhoseTokenAuthenticatesUntilLogout() {
        signUpAndVerify("ada@example.org");

        LogInResult result = logIn("ADA@example.org", PASSWORD);

        assertThat(result).isInstanceOf(LogInResult.LoggedIn.class);
        LogInResult.LoggedIn in = (LogInResult.LoggedIn) result;
        assertThat(in.token()).hasSize(43);
        assertThat(in.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
        assertThat(sessions.findByTokenHash(in.token())).as("the token itself is not stored").isEmpty();
        assertThat(authenticator.authenticate(in.token())).map(AuthenticatedUser::accountId).contains(in.accountId());

        logOut.logOut(in.token());
        assertThat(authenticator.authenticate(in.token())).isEmpty();
        logOut.logOut(in.token());
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswerAndTheSameWork() {
        signUpAndVerify("ada@example.org");
        int before = f.hasher.hashes();
        logIn("nobody@example.org", PASSWORD); // the decoy hash is made once, on first need
        int decoyCreated = f.hasher.hashes() - before;

        int checksBefore = f.hasher.checks();
        assertThat(logIn("ada@example.org", "Wr0ng!password")).isEqualTo(new LogInResult.InvalidCredentials());
        assertThat(f.hasher.checks() - checksBefore).as("a wrong password costs one check").isEqualTo(1);
        assertThat(logIn("nobody@example.org", PASSWORD)).isEqualTo(new LogInResult.InvalidCredentials());
        assertThat(f.hasher.checks() - checksBefore).as("an unknown address costs one check too").isEqualTo(2);
        assertThat(f.hasher.hashes() - before).isEqualTo(decoyCreated);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndAfterTwelveHoursWhateverHappens() {
        signUpAndVerify("ada@example.org");
        String idle = ((LogInResult.LoggedIn) logIn("ada@example.org", PASSWORD)).token();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(authenticator.authenticate(idle)).isPresent();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(authenticator.authenticate(idle)).as("touched 29 minutes ago").isPresent();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(authenticator.authenticate(idle)).as("idle for 30 minutes").isEmpty();

        String busy = ((LogInResult.LoggedIn) logIn("ada@example.org", PASSWORD)).token();
        for (int i = 0; i < 12 * 4 - 1; i++) {
            f.clock.advance(Duration.ofMinutes(15));
            assertThat(authenticator.authenticate(busy)).isPresent();
        }
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(authenticator.authenticate(busy)).as("twelve hours after login").isEmpty();
    }

    @Test
    void theFifthFailureMakesTheAddressWaitAndMailsTheOwnerOnce() {
        signUpAndVerify("ada@example.org");
        int mails = f.outbox.all().size();
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("ada@example.org", "Wr0ng!password")).isInstanceOf(LogInResult.InvalidCredentials.class);
        }
        assertThat(f.outbox.all()).hasSize(mails + 1);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.LOGIN_ATTEMPTS_WARNING);

        assertThat(logIn("ada@example.org", PASSWORD)).as("even the right password waits")
                .isEqualTo(new LogInResult.Throttled(Duration.ofSeconds(30)));
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(logIn("ada@example.org", "Wr0ng!password")).isInstanceOf(LogInResult.InvalidCredentials.class);
        assertThat(logIn("ada@example.org", PASSWORD)).isEqualTo(new LogInResult.Throttled(Duration.ofSeconds(60)));
        assertThat(f.outbox.all()).as("told once").hasSize(mails + 1);

        f.clock.advance(Duration.ofMinutes(1));
        assertThat(logIn("ada@example.org", PASSWORD)).isInstanceOf(LogInResult.LoggedIn.class);
        assertThat(logIn("ada@example.org", "Wr0ng!password")).as("a success clears the count")
                .isInstanceOf(LogInResult.InvalidCredentials.class);
    }

    @Test
    void anUnknownAddressIsThrottledExactlyLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            logIn("nobody@example.org", PASSWORD);
        }
        assertThat(logIn("nobody@example.org", PASSWORD)).isEqualTo(new LogInResult.Throttled(Duration.ofSeconds(30)));
        assertThat(f.outbox.all()).as("nobody to tell").isEmpty();
    }

    @Test
    void oneClientAddressIsLimitedAcrossManyEmailAddresses() {
        for (int i = 0; i < 30; i++) {
            assertThat(logIn("guess" + i + "@example.org", PASSWORD)).isInstanceOf(LogInResult.InvalidCredentials.class);
        }
        assertThat(logIn("guess31@example.org", PASSWORD)).isInstanceOf(LogInResult.Throttled.class);
        assertThat(logIn.logIn(new LogInCommand("guess31@example.org", PASSWORD, Optional.of("198.51.100.1"))))
                .as("another client").isInstanceOf(LogInResult.InvalidCredentials.class);
    }

    @Test
    void anUnverifiedSignUpWithTheRightPasswordIsToldToVerify() {
        RegistrationId id = signUp("ada@example.org");

        assertThat(logIn("ada@example.org", PASSWORD)).isEqualTo(new LogInResult.NotVerified(id));
        assertThat(logIn("ada@example.org", "Wr0ng!password")).isEqualTo(new LogInResult.InvalidCredentials());
    }

    @Test
    void aMalformedAddressOrAnEmptyPasswordIsInvalidInput() {
        assertThat(logIn("not-an-address", PASSWORD)).isInstanceOf(LogInResult.Invalid.class);
        assertThat(logIn("ada@example.org", "")).isInstanceOf(LogInResult.Invalid.class);
    }
}
