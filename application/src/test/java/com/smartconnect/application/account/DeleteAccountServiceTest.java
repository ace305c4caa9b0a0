package com.smartconnect.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.invitation.CoworkerInvitationService;
import com.smartconnect.application.account.invitation.CoworkerInvitationsOfAccount;
import com.smartconnect.application.account.port.in.DeleteAccountCommand;
import com.smartconnect.application.account.port.in.DeleteAccountResult;
import com.smartconnect.application.account.registration.RegistrationsOfAccount;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.LoginFailuresOfAccount;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.SessionsOfAccount;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.twofactor.TwoFactorOfAccount;
import com.smartconnect.application.fake.InMemoryAccountDeletions;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.reseller.ResellerConnectionsOfAccount;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final InMemoryAccountDeletions deletions = new InMemoryAccountDeletions();
    private final DeleteAccountService delete = new DeleteAccountService(f.clock, f.random, f.hasher, f.transactions,
            f.accounts, f.companies, failures, deletions, f.outbox, new AccountMails(f.random), f.twoFactor,
            f.secondFactor, Set.of(new SessionsOfAccount(sessions),
                    new TwoFactorOfAccount(f.challenges, f.mailedCodes, f.twoFactor),
                    new ResellerConnectionsOfAccount(f.resellerConnections), new RegistrationsOfAccount(f.registrations),
                    new LoginFailuresOfAccount(failures), new CoworkerInvitationsOfAccount(f.invitations),
                    new SettledMailsOfAccount(f.outbox)));
    private final LogInService logIn = f.logIn(sessions, failures, SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);

    private AuthenticatedUser signUpAndLogIn(String email) {
        RegistrationId id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(email))).registrationId();
        assertThat(f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code"))))
                .isInstanceOf(VerificationResult.Verified.class);
        String token = ((LogInResult.LoggedIn) logIn.logIn(new LogInCommand(email, PASSWORD, Optional.empty()))).token();
        return authenticator.authenticate(token).orElseThrow();
    }

    @Test
    void guessingThePasswordOfALiveSessionIsThrottledLikeALogin() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        for (int i = 0; i < 5; i++) {
            assertThat(delete.delete(new DeleteAccountCommand(ada, "Wr0ng!pass" + i)))
                    .isEqualTo(new DeleteAccountResult.PasswordIncorrect());
        }
        assertThat(delete.delete(new DeleteAccountCommand(ada, PASSWORD))).as("even the right one waits")
                .isEqualTo(new DeleteAccountResult.Throttled(java.time.Duration.ofSeconds(30)));
        f.clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(delete.delete(new DeleteAccountCommand(ada, PASSWORD))).isEqualTo(new DeleteAccountResult.Deleted());
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        assertThat(delete.delete(new DeleteAccountCommand(ada, "Wr0ng!pass")))
                .isEqualTo(new DeleteAccountResult.PasswordIncorrect());
        assertThat(f.accounts.findById(ada.accountId())).isPresent();
    }

    @Test
    void theAccountItsSessionsSignUpsAndLastMembersCompanyGoAndOnlyARecordWithoutPersonalDataRemains() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        Account account = f.accounts.findById(ada.accountId()).orElseThrow();
        f.outbox.claimDue(f.clock.instant(), 100, java.time.Duration.ofMinutes(1))
                .forEach(m -> f.outbox.markSent(m.mail().id(), f.clock.instant()));

        assertThat(delete.delete(new DeleteAccountCommand(ada, PASSWORD))).isEqualTo(new DeleteAccountResult.Deleted());

        assertThat(f.accounts.findById(ada.accountId())).isEmpty();
        assertThat(f.companies.findById(account.companyId())).as("the last member's company").isEmpty();
        assertThat(sessions.size()).isZero();
        assertThat(f.registrations.latestPendingForNewAccount(new EmailAddress("ada@example.org"))).isEmpty();
        assertThat(f.registrations.countCreatedSince(account.email(), java.time.Instant.EPOCH)).isZero();
        assertThat(deletions.deletedAt()).containsExactly(f.clock.instant());
        assertThat(f.outbox.all()).as("only the confirmation is left to send").singleElement()
                .satisfies(mail -> assertThat(mail.template()).isEqualTo(MailTemplate.ACCOUNT_DELETED));
        assertThat(logIn.logIn(new LogInCommand("ada@example.org", PASSWORD, Optional.empty())))
                .isInstanceOf(LogInResult.InvalidCredentials.class);
    }

    @Test
    void invitationsToThePersonGoWithTheAccount() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        AuthenticatedUser grace = signUpAndLogIn("grace@example.org");
        var invitations = new CoworkerInvitationService(f.clock, f.random, f.transactions, f.accounts, f.companies,
                f.invitations, f.outbox);
        invitations.invite(new com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand(grace, "ada@example.org"));
        assertThat(invitations.invitationsOf(grace)).hasSize(1);

        delete.delete(new DeleteAccountCommand(ada, PASSWORD));

        assertThat(invitations.invitationsOf(grace)).as("nothing names Ada any more").isEmpty();
    }

    @Test
    void theAddressCanSignUpAgainAfterwards() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        delete.delete(new DeleteAccountCommand(ada, PASSWORD));
        AuthenticatedUser again = signUpAndLogIn("ada@example.org");
        assertThat(again.accountId()).isNotEqualTo(ada.accountId());
    }

    /** Records when it erased, and whether the account row was still there then. */
    private final class RecordingErasure implements AccountDependents {
        private final String name;
        private final AccountDependents.ErasureStage stage;
        private final java.util.List<String> log;

        RecordingErasure(String name, AccountDependents.ErasureStage stage, java.util.List<String> log) {
            this.name = name;
            this.stage = stage;
            this.log = log;
        }

        @Override
        public void erase(Account account) {
            log.add(name + (f.accounts.findById(account.id()).isPresent() ? "" : " after the account"));
        }

        @Override
        public AccountDependents.ErasureStage erasureStage() {
            return stage;
        }
    }

    @Test
    void theErasuresRunStageByStageBeforeTheAccountGoesWhateverOrderTheyAreGivenIn() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        java.util.List<String> log = new java.util.ArrayList<>();
        java.util.Set<AccountDependents> given = new java.util.LinkedHashSet<>();
        var stages = java.util.List.of(AccountDependents.ErasureStage.values());
        for (int i = stages.size() - 1; i >= 0; i--) {
            given.add(new RecordingErasure(stages.get(i).name(), stages.get(i), log));
        }
        given.add(new RecordingErasure("another context", AccountDependents.ErasureStage.DEPENDENT_CONTEXTS, log));
        DeleteAccountService recorded = new DeleteAccountService(f.clock, f.random, f.hasher, f.transactions,
                f.accounts, f.companies, failures, deletions, f.outbox, new AccountMails(f.random), f.twoFactor,
                f.secondFactor, given);

        assertThat(recorded.delete(new DeleteAccountCommand(ada, PASSWORD))).isEqualTo(new DeleteAccountResult.Deleted());

        assertThat(log).containsExactly("SESSIONS", "TWO_FACTOR", "DEPENDENT_CONTEXTS", "another context",
                "REGISTRATIONS", "LOGIN_FAILURES", "INVITATIONS", "SETTLED_MAILS");
    }

    @Test
    void theCodesChallengesLoginFailuresAndResellerConnectionsOfThePersonGoToo() {
        AuthenticatedUser ada = signUpAndLogIn("ada@example.org");
        AuthenticatedUser grace = signUpAndLogIn("grace@example.org");
        EmailAddress adaAddress = new EmailAddress("ada@example.org");
        for (AuthenticatedUser person : java.util.List.of(ada, grace)) {
            f.mailedCodes.put(com.smartconnect.domain.twofactor.MailedCode.sent(person.accountId(),
                    com.smartconnect.domain.twofactor.CodePurpose.CONFIRMATION, "hash", f.clock.instant()));
            f.challenges.add(com.smartconnect.domain.twofactor.LoginChallenge.start(java.util.UUID.randomUUID(),
                    "token-" + person.accountId(), person.accountId(),
                    com.smartconnect.domain.twofactor.TwoFactorMethod.EMAIL, f.clock.instant()));
            f.resellerConnections.addIfNoneOpen(com.smartconnect.domain.reseller.ResellerConnection.invite(
                    java.util.UUID.randomUUID(), person.accountId(), new EmailAddress("sales@reseller.example"),
                    "accept-" + person.accountId(), "unsubscribe-" + person.accountId(), f.clock.instant()));
        }
        assertThat(logIn.logIn(new LogInCommand("ada@example.org", "Wr0ng!pass", Optional.empty())))
                .isInstanceOf(LogInResult.InvalidCredentials.class);
        String adaKey = com.smartconnect.application.account.session.LoginAttempts.addressKey(adaAddress);
        assertThat(failures.since(adaKey, java.time.Instant.EPOCH).count()).isEqualTo(1);

        assertThat(delete.delete(new DeleteAccountCommand(ada, PASSWORD))).isEqualTo(new DeleteAccountResult.Deleted());

        assertThat(f.mailedCodes.size()).as("grace's code only").isEqualTo(1);
        assertThat(f.challenges.size()).as("grace's challenge only").isEqualTo(1);
        assertThat(failures.since(adaKey, java.time.Instant.EPOCH).count()).isZero();
        assertThat(f.resellerConnections.latestOf(ada.accountId())).isEmpty();
        assertThat(f.resellerConnections.latestOf(grace.accountId())).isPresent();
    }
}
