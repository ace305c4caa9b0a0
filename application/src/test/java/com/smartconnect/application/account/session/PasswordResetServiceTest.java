package com.smartconnect.application.account.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.AccountMails;
import com.smartconnect.application.account.ChangePasswordService;
import com.smartconnect.application.account.port.in.ChangePasswordCommand;
import com.smartconnect.application.account.port.in.ChangePasswordResult;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.session.port.in.PasswordResetRequestResult;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetCommand;
import com.smartconnect.application.account.session.port.in.ResetPasswordCommand;
import com.smartconnect.application.account.session.port.in.ResetPasswordResult;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryPasswordResets;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.mail.MailDeliveryService;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.SendOutcome;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordResetServiceTest {

    private static final String OLD = "Tr1angle!Sky";
    private static final String NEW = "Kestrel#Harbour9";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPasswordResets resets = new InMemoryPasswordResets();
    private final AccountMails mails = new AccountMails(f.random);
    private final PasswordResetService service = new PasswordResetService(f.clock, f.random, f.hasher, new ScriptedCaptcha(),
            f.transactions, f.accounts, resets, sessions, f.outbox, mails, f.challenges);
    private final ChangePasswordService change = new ChangePasswordService(f.clock, f.hasher, f.transactions, f.accounts,
            sessions, resets, f.outbox, mails, new InMemoryLoginFailures(), f.challenges);
    private final LogInService logIn = f.logIn(sessions, new InMemoryLoginFailures(), SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);

    @BeforeEach
    void anAccount() {
        RegistrationId id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp("ada@example.org")))
                .registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
    }

    /** Mail delivery as bootstrap wires it, with a sender that accepts every mail. */
    private final MailDeliveryService delivery = new MailDeliveryService(f.outbox, f.outbox, mail -> new SendOutcome.Sent(),
            f.transactions, Set.of(service), f.clock);

    /** Asks for a reset, then lets mail delivery prepare the request, as it does within half a second. */
    private PasswordResetRequestResult request(String email) {
        PasswordResetRequestResult result = service.request(new RequestPasswordResetCommand(email, "token", Optional.empty()));
        delivery.deliverDue(() -> false);
        return result;
    }

    private String session(String password) {
        return ((LogInResult.LoggedIn) logIn.logIn(new LogInCommand("ada@example.org", password, Optional.empty()))).token();
    }

    private String mailedToken() {
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.PASSWORD_RESET);
        return f.outbox.last().values().get("token");
    }

    /** What the request itself does must not depend on the address: an account is looked for only at delivery. */
    @Test
    void theRequestRecordsTheSameRequestForAnAddressWithAndWithoutAnAccount() {
        int mails = f.outbox.all().size();

        service.request(new RequestPasswordResetCommand("ada@example.org", "token", Optional.empty()));
        service.request(new RequestPasswordResetCommand("nobody@example.org", "token", Optional.empty()));

        assertThat(f.outbox.all().subList(mails, f.outbox.all().size()))
                .allSatisfy(mail -> {
                    assertThat(mail.template()).isEqualTo(MailTemplate.PASSWORD_RESET_REQUESTED);
                    assertThat(mail.values()).isEmpty();
                })
                .extracting(mail -> mail.to().value()).containsExactly("ada@example.org", "nobody@example.org");
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoMail() {
        int mails = f.outbox.all().size();
        assertThat(request("nobody@example.org")).isEqualTo(new PasswordResetRequestResult.Accepted());
        assertThat(f.outbox.all()).hasSize(mails);
        assertThat(request("ada@example.org")).isEqualTo(new PasswordResetRequestResult.Accepted());
        assertThat(f.outbox.all()).hasSize(mails + 1);
    }

    @Test
    void theLinkSetsTheNewPasswordOnceEndsAllSessionsAndMailsAConfirmation() {
        String before = session(OLD);
        request("ada@example.org");
        String token = mailedToken();
        assertThat(service.isUsable(token)).isTrue();

        assertThat(service.reset(new ResetPasswordCommand(token, NEW))).isEqualTo(new ResetPasswordResult.Done());

        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.PASSWORD_CHANGED);
        assertThat(authenticator.authenticate(before)).as("every session ended").isEmpty();
        assertThat(logIn.logIn(new LogInCommand("ada@example.org", OLD, Optional.empty())))
                .isInstanceOf(LogInResult.InvalidCredentials.class);
        assertThat(session(NEW)).isNotBlank();
        assertThat(service.isUsable(token)).isFalse();
        assertThat(service.reset(new ResetPasswordCommand(token, "Other#Pass42"))).as("single use")
                .isEqualTo(new ResetPasswordResult.LinkNotUsable());
    }

    @Test
    void aLinkExpiresAfterAnHourAndANewPasswordRetiresTheOlderLinks() {
        request("ada@example.org");
        String first = mailedToken();
        f.clock.advance(Duration.ofMinutes(60));
        assertThat(service.reset(new ResetPasswordCommand(first, NEW))).isEqualTo(new ResetPasswordResult.LinkNotUsable());

        request("ada@example.org");
        String second = mailedToken();
        request("ada@example.org");
        String third = mailedToken();
        assertThat(service.reset(new ResetPasswordCommand(third, NEW))).isEqualTo(new ResetPasswordResult.Done());
        assertThat(service.isUsable(second)).isFalse();
    }

    @Test
    void aWeakPasswordIsRefusedWithEveryRuleAndTheLinkStillWorks() {
        request("ada@example.org");
        String token = mailedToken();

        ResetPasswordResult weak = service.reset(new ResetPasswordCommand(token, "ada"));

        assertThat(((ResetPasswordResult.WeakPassword) weak).errors()).extracting(FieldError::code)
                .containsExactly("PASSWORD_TOO_SHORT", "PASSWORD_CONTAINS_NAME", "PASSWORD_TOO_FEW_CHARACTER_TYPES",
                        "PASSWORD_CONTAINS_EMAIL");
        assertThat(service.isUsable(token)).isTrue();
    }

    @Test
    void threeLinksAnHourAtMost() {
        int mails = f.outbox.all().size();
        for (int i = 0; i < 5; i++) {
            request("ada@example.org");
        }
        assertThat(f.outbox.all()).hasSize(mails + 3);
        f.clock.advance(Duration.ofMinutes(61));
        request("ada@example.org");
        assertThat(f.outbox.all()).hasSize(mails + 4);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOnlyTheOtherSessions() {
        String mine = session(OLD);
        String other = session(OLD);
        AuthenticatedUser me = authenticator.authenticate(mine).orElseThrow();

        assertThat(change.change(new ChangePasswordCommand(me, "Wr0ng!pass", NEW)))
                .isEqualTo(new ChangePasswordResult.CurrentPasswordIncorrect());
        assertThat(change.change(new ChangePasswordCommand(me, OLD, "short"))).isInstanceOf(ChangePasswordResult.WeakPassword.class);
        assertThat(change.change(new ChangePasswordCommand(me, OLD, NEW))).isEqualTo(new ChangePasswordResult.Changed());

        assertThat(authenticator.authenticate(mine)).isPresent();
        assertThat(authenticator.authenticate(other)).isEmpty();
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.PASSWORD_CHANGED);
        assertThat(session(NEW)).isNotBlank();
    }

    @Test
    void aPasswordChangeRetiresTheResetLinksAskedForBefore() {
        request("ada@example.org");
        String token = mailedToken();
        AuthenticatedUser me = authenticator.authenticate(session(OLD)).orElseThrow();
        change.change(new ChangePasswordCommand(me, OLD, NEW));
        assertThat(service.isUsable(token)).isFalse();
    }

    @Test
    void aMalformedAddressIsInvalidAndARefusedCaptchaFailsAndNeitherMails() {
        int mails = f.outbox.all().size();

        assertThat(request("ada at example")).isInstanceOfSatisfying(PasswordResetRequestResult.Invalid.class,
                invalid -> assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("email"));
        assertThat(service.request(new RequestPasswordResetCommand("ada@example.org", ScriptedCaptcha.REFUSED_TOKEN,
                Optional.empty()))).isEqualTo(new PasswordResetRequestResult.CaptchaFailed());

        assertThat(f.outbox.all()).hasSize(mails);
    }

    @Test
    void aResetAlsoEndsALoginWaitingForItsSecondStep() {
        var ada = f.accounts.findByEmail(new com.smartconnect.domain.account.EmailAddress("ada@example.org"))
                .orElseThrow();
        f.challenges.add(com.smartconnect.domain.twofactor.LoginChallenge.start(java.util.UUID.randomUUID(),
                "challenge-token-hash", ada.id(), com.smartconnect.domain.twofactor.TwoFactorMethod.EMAIL,
                f.clock.instant()));
        request("ada@example.org");

        assertThat(service.reset(new ResetPasswordCommand(mailedToken(), NEW)))
                .isEqualTo(new ResetPasswordResult.Done());

        assertThat(f.challenges.size()).isZero();
    }
}
