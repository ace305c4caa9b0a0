package com.smartconnect.application.account.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationCommand;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationResult;
import com.smartconnect.application.account.invitation.port.in.InvitationLookup;
import com.smartconnect.application.account.invitation.port.in.InvitationView;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerResult;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.InvitationStatus;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoworkerInvitationServiceTest {

    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final LogInService logIn = f.logIn(sessions, new InMemoryLoginFailures(), SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final CoworkerInvitationService service = new CoworkerInvitationService(f.clock, f.random, f.transactions,
            f.accounts, f.companies, f.invitations, f.outbox);
    private AuthenticatedUser ada;

    @BeforeEach
    void aMember() {
        ada = signUpVerifyAndLogIn(SignUpFixture.validSignUp("ada@example.org"));
    }

    private AuthenticatedUser signUpVerifyAndLogIn(SignUpCommand command) {
        SignUpResult result = f.signUp.signUp(command);
        assertThat(result).as(result.toString()).isInstanceOf(SignUpResult.Accepted.class);
        RegistrationId id = ((SignUpResult.Accepted) result).registrationId();
        assertThat(f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code"))))
                .isInstanceOf(VerificationResult.Verified.class);
        String token = ((LogInResult.LoggedIn) logIn.logIn(new LogInCommand(command.email(), command.password(),
                Optional.empty()))).token();
        return authenticator.authenticate(token).orElseThrow();
    }

    private InviteCoworkerResult invite(String email) {
        return service.invite(new InviteCoworkerCommand(ada, email));
    }

    private String mailedToken() {
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.COWORKER_INVITATION);
        return f.outbox.last().values().get("token");
    }

    private static SignUpCommand invitedSignUp(String email, String token) {
        return new SignUpCommand(email, "Grace", "Hopper", "Cobol#Compiler59", "US", Optional.empty(), Optional.of(token),
                true, false, "token", Optional.empty());
    }

    @Test
    void noAddressOrAnInvalidOneGetsThePortalsMessages() {
        assertThat(invite("  ")).isEqualTo(new InviteCoworkerResult.Invalid(
                new FieldError("email", "EMAIL_REQUIRED", "Please enter email address")));
        assertThat(invite("grace@")).isEqualTo(new InviteCoworkerResult.Invalid(new FieldError("email", "INVALID_EMAIL",
                "You have entered an invalid email address. Please re-enter the email address.")));
    }

    @Test
    void anInvitedCoworkerSignsUpWithoutTheCompanyPageAndBelongsToTheSameCompany() {
        assertThat(invite("grace@example.org")).isInstanceOf(InviteCoworkerResult.Invited.class);
        String token = mailedToken();
        assertThat(f.outbox.last().values()).containsEntry("companyName", "Analytical Engines Ltd")
                .containsEntry("inviterName", "Ada Lovelace").containsEntry("validDays", "7");
        assertThat(service.lookup(token)).isEqualTo(new InvitationLookup.Open(new EmailAddress("grace@example.org"),
                "Analytical Engines Ltd", f.clock.instant().plus(Duration.ofDays(7))));

        AuthenticatedUser grace = signUpVerifyAndLogIn(invitedSignUp("grace@example.org", token));

        Account adaAccount = f.accounts.findById(ada.accountId()).orElseThrow();
        assertThat(f.accounts.findById(grace.accountId()).orElseThrow().companyId()).isEqualTo(adaAccount.companyId());
        assertThat(f.companies.size()).isEqualTo(1);
        assertThat(service.invitationsOf(ada)).extracting(InvitationView::status).containsExactly(InvitationStatus.ACCEPTED);
        assertThat(service.lookup(token)).isEqualTo(new InvitationLookup.NoLongerValid());
    }

    @Test
    void anAddressInvitedOrAlreadyAMemberIsAlreadyInvited() {
        invite("grace@example.org");
        assertThat(invite("GRACE@example.org")).isEqualTo(new InviteCoworkerResult.AlreadyInvited());
        assertThat(invite("ada@example.org")).as("a member").isEqualTo(new InviteCoworkerResult.AlreadyInvited());
        f.clock.advance(Duration.ofDays(7));
        assertThat(invite("grace@example.org")).as("the first one expired").isInstanceOf(InviteCoworkerResult.Invited.class);
    }

    @Test
    void anInvitationExpiresAfterSevenDaysAndCanBeCancelledBeforeItIsUsed() {
        invite("grace@example.org");
        String expiring = mailedToken();
        f.clock.advance(Duration.ofDays(7));
        SignUpResult late = f.signUp.signUp(invitedSignUp("grace@example.org", expiring));
        assertThat(((SignUpResult.Invalid) late).errors()).extracting(FieldError::code).containsExactly("INVITATION_EXPIRED");
        assertThat(service.invitationsOf(ada)).extracting(InvitationView::status).containsExactly(InvitationStatus.EXPIRED);

        InviteCoworkerResult.Invited second = (InviteCoworkerResult.Invited) invite("grace@example.org");
        String cancelled = mailedToken();
        assertThat(service.cancel(new CancelCoworkerInvitationCommand(ada, second.invitation().id())))
                .isEqualTo(new CancelCoworkerInvitationResult.Cancelled());
        assertThat(service.cancel(new CancelCoworkerInvitationCommand(ada, second.invitation().id())))
                .isEqualTo(new CancelCoworkerInvitationResult.NotPending());
        assertThat(f.signUp.signUp(invitedSignUp("grace@example.org", cancelled))).isInstanceOf(SignUpResult.Invalid.class);
    }

    @Test
    void anInvitationIsCancelledBetweenSignUpAndCodeSoTheCodeCreatesNoAccount() {
        InviteCoworkerResult.Invited invited = (InviteCoworkerResult.Invited) invite("grace@example.org");
        SignUpResult.Accepted signUp = (SignUpResult.Accepted) f.signUp.signUp(invitedSignUp("grace@example.org", mailedToken()));
        String code = f.outbox.last().values().get("code");
        service.cancel(new CancelCoworkerInvitationCommand(ada, invited.invitation().id()));

        assertThat(f.verify.verify(new VerifyRegistrationCommand(signUp.registrationId(), code)))
                .isEqualTo(new VerificationResult.InvitationNoLongerValid());
        assertThat(f.accounts.existsWithEmail(new EmailAddress("grace@example.org"))).isFalse();
    }

    @Test
    void theInvitationIsOnlyForTheInvitedAddressAndAnotherCompanySeesNone() {
        invite("grace@example.org");
        String token = mailedToken();
        SignUpResult other = f.signUp.signUp(invitedSignUp("mallory@example.org", token));
        assertThat(((SignUpResult.Invalid) other).errors()).extracting(FieldError::code)
                .containsExactly("INVITATION_EMAIL_MISMATCH");

        AuthenticatedUser outsider = signUpVerifyAndLogIn(SignUpFixture.validSignUp("mallory@example.org"));
        assertThat(service.invitationsOf(outsider)).isEmpty();
        InvitationView adasInvitation = service.invitationsOf(ada).get(0);
        assertThat(service.cancel(new CancelCoworkerInvitationCommand(outsider, adasInvitation.id())))
                .isEqualTo(new CancelCoworkerInvitationResult.NotFound());
    }

    @Test
    void withoutAnInvitationTheCompanyPageIsRequired() {
        SignUpCommand valid = SignUpFixture.validSignUp("grace@example.org");
        SignUpCommand noCompany = new SignUpCommand(valid.email(), valid.firstName(), valid.lastName(), valid.password(),
                valid.country(), Optional.empty(), Optional.empty(), true, false, "token", Optional.empty());
        assertThat(((SignUpResult.Invalid) f.signUp.signUp(noCompany)).errors())
                .containsExactly(new FieldError("company", "FIELD_REQUIRED", "Please enter the company details."));
    }
}
