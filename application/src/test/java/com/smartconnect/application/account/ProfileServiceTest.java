package com.smartconnect.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.invitation.CoworkerInvitationService;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand;
import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.port.in.UpdateProfileCommand;
import com.smartconnect.application.account.port.in.UpdateProfileResult;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PhoneNumber;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {

    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final LogInService logIn = f.logIn(sessions, new InMemoryLoginFailures(), SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final ProfileService profiles = new ProfileService(f.transactions, f.accounts, f.companies);
    private AuthenticatedUser ada;

    @BeforeEach
    void anAccount() {
        ada = signUpAndLogIn(SignUpFixture.validSignUp("ada@example.org"));
    }

    private AuthenticatedUser signUpAndLogIn(SignUpCommand command) {
        RegistrationId id = ((SignUpResult.Accepted) f.signUp.signUp(command)).registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
        String token = ((LogInResult.LoggedIn) logIn.logIn(new LogInCommand(command.email(), command.password(),
                Optional.empty()))).token();
        return authenticator.authenticate(token).orElseThrow();
    }

    private UpdateProfileResult update(Optional<String> firstName, Optional<String> language, Optional<String> phone,
            Optional<String> jobRole) {
        return profiles.update(new UpdateProfileCommand(ada, firstName, Optional.empty(), Optional.empty(), language,
                phone, jobRole, Optional.empty()));
    }

    @Test
    void aNewAccountSpeaksEnglishAndHasNoPhoneOrJobRole() {
        Profile profile = profiles.profileOf(ada.accountId()).orElseThrow();
        assertThat(profile.contact().language()).isEqualTo(Language.ENGLISH);
        assertThat(profile.contact().phone()).isEmpty();
        assertThat(profile.contact().jobRole()).isEmpty();
    }

    @Test
    void onlyWhatIsGivenChangesAndABlankPhoneOrJobRoleClearsIt() {
        UpdateProfileResult first = update(Optional.of("Augusta Ada"), Optional.of("fr"), Optional.of("+44 20 7946 0958"),
                Optional.of("Head of IT"));
        Profile profile = ((UpdateProfileResult.Updated) first).profile();
        assertThat(profile.name().full()).isEqualTo("Augusta Ada Lovelace");
        assertThat(profile.contact().language().tag()).isEqualTo("fr");
        assertThat(profile.contact().phone()).contains(new PhoneNumber("+44 20 7946 0958"));
        assertThat(profile.contact().jobRole()).contains("Head of IT");

        Profile cleared = ((UpdateProfileResult.Updated) update(Optional.empty(), Optional.empty(), Optional.of(""),
                Optional.empty())).profile();
        assertThat(cleared.contact().phone()).isEmpty();
        assertThat(cleared.contact().jobRole()).contains("Head of IT");
        assertThat(cleared.contact().language().tag()).isEqualTo("fr");
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingChanges() {
        UpdateProfileResult result = update(Optional.of(" "), Optional.of("xx"), Optional.of("call me"), Optional.empty());
        assertThat(((UpdateProfileResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("firstName", "FIELD_REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("language", "INVALID_LANGUAGE"),
                        org.assertj.core.groups.Tuple.tuple("phone", "INVALID_PHONE"));
        assertThat(profiles.profileOf(ada.accountId()).orElseThrow().name().first()).isEqualTo("Ada");
    }

    @Test
    void aRequestOfASessionWhoseAccountWasJustDeletedMeetsAnEndedSession() {
        f.accounts.delete(ada.accountId());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> update(Optional.of("Augusta"), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(com.smartconnect.application.account.port.in.AccountNoLongerExists.class);
    }

    @Test
    void theCompanyPageChangesTheCompanyForEveryMember() {
        var invitations = new CoworkerInvitationService(f.clock, f.random, f.transactions, f.accounts, f.companies,
                f.invitations, f.outbox);
        invitations.invite(new InviteCoworkerCommand(ada, "grace@example.org"));
        String token = f.outbox.last().values().get("token");
        AuthenticatedUser grace = signUpAndLogIn(new SignUpCommand("grace@example.org", "Grace", "Hopper",
                "Cobol#Compiler59", "US", Optional.empty(), Optional.of(token), true, false, "t", Optional.empty()));

        SignUpCommand.CompanyInput moved = new SignUpCommand.CompanyInput("Difference Engines plc", "Reseller",
                Optional.empty(), Optional.empty(), "1 Science Park", "Cambridge", "CB4 0WS", "Cambridgeshire", "GB");
        profiles.update(new UpdateProfileCommand(grace, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(moved)));

        assertThat(profiles.profileOf(ada.accountId()).orElseThrow().company().name()).isEqualTo("Difference Engines plc");
        assertThat(profiles.profileOf(ada.accountId()).orElseThrow().name().first()).as("Ada's own data stays hers")
                .isEqualTo("Ada");
    }
}
