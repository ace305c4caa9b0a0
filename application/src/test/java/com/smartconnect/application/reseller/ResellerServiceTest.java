package com.smartconnect.application.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryResellerPreferences;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.reseller.port.in.CancelResellerInvitationCommand;
import com.smartconnect.application.reseller.port.in.DisconnectResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerResult;
import com.smartconnect.application.reseller.port.in.ResellerChangeResult;
import com.smartconnect.application.reseller.port.in.ResellerInterestCommand;
import com.smartconnect.application.reseller.port.in.ResellerLink;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResellerServiceTest {

    private static final String RESELLER = "sales@reseller.example";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final LogInService logIn = f.logIn(sessions, new InMemoryLoginFailures(), SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final ResellerMails mails = new ResellerMails(f.random, f.accounts);
    private final ResellerService service = new ResellerService(f.clock, f.random, f.transactions, f.accounts,
            f.companies, f.resellerConnections, new InMemoryResellerPreferences(), f.outbox, mails);
    private final ResellerLinkService links = new ResellerLinkService(f.clock, f.transactions, f.accounts, f.companies,
            f.resellerConnections, f.outbox, mails, new com.smartconnect.application.fake.PlainLinkSigner());
    private final ResellerInvitationExpiryJob expiry = new ResellerInvitationExpiryJob(f.clock, f.transactions,
            f.resellerConnections, f.outbox, mails);

    private AuthenticatedUser customer(String email) {
        var id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(email))).registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
        var loggedIn = (LogInResult.LoggedIn) logIn.logIn(new LogInCommand(email, "Tr1angle!Sky", Optional.empty()));
        return authenticator.authenticate(loggedIn.token()).orElseThrow();
    }

    /** Invites the reseller; returns the mailed invitation. */
    private OutgoingMail invite(AuthenticatedUser customer, String email) {
        assertThat(service.invite(new InviteResellerCommand(customer, email))).isInstanceOf(InviteResellerResult.Invited.class);
        OutgoingMail mail = f.outbox.last();
        assertThat(mail.template()).isEqualTo(MailTemplate.RESELLER_INVITATION);
        return mail;
    }

    private ResellerConnectionState state(AuthenticatedUser customer) {
        return service.resellerOf(customer.accountId()).state().orElseThrow();
    }

    @Test
    void anInvitationMailsTheResellerWithTheCustomerAndTwoLinksAndAcceptingConnects() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerView before = service.resellerOf(ada.accountId());
        assertThat(before.state()).isEmpty();
        assertThat(before.offerOnDeviceRegistration()).isTrue();

        OutgoingMail mail = invite(ada, " Sales@Reseller.example ");
        assertThat(mail.to().value()).isEqualTo(RESELLER);
        assertThat(mail.values()).containsEntry("customerName", "Ada Lovelace")
                .containsEntry("companyName", "Analytical Engines Ltd").containsEntry("validDays", "7");
        String accept = mail.values().get("acceptToken");
        assertThat(accept).isNotEqualTo(mail.values().get("unsubscribeToken"));
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.INVITED);
        assertThat(service.resellerOf(ada.accountId()).offerOnDeviceRegistration()).isFalse();

        assertThat(links.invitation(accept)).contains(new ResellerLink(ResellerConnectionState.INVITED, "Ada Lovelace",
                "Analytical Engines Ltd"));
        assertThat(state(ada)).as("looking at the link changes nothing").isEqualTo(ResellerConnectionState.INVITED);
        assertThat(links.accept(accept).orElseThrow().state()).isEqualTo(ResellerConnectionState.CONNECTED);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.RESELLER_ACCEPTED);
        assertThat(f.outbox.last().to().value()).isEqualTo("ada@example.org");
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.CONNECTED);
        assertThat(links.accept(accept).orElseThrow().state()).as("a second click").isEqualTo(ResellerConnectionState.CONNECTED);
        assertThat(links.accept("no-such-token")).isEmpty();
    }

    @Test
    void oneResellerAtATimeAndOnlyValidAddresses() {
        AuthenticatedUser ada = customer("ada@example.org");
        assertThat(service.invite(new InviteResellerCommand(ada, ""))).isInstanceOf(InviteResellerResult.Invalid.class);
        assertThat(service.invite(new InviteResellerCommand(ada, "not-an-address")))
                .isInstanceOf(InviteResellerResult.Invalid.class);
        OutgoingMail first = invite(ada, RESELLER);
        assertThat(service.invite(new InviteResellerCommand(ada, "other@reseller.example")))
                .isEqualTo(new InviteResellerResult.AlreadyInvited());
        links.accept(first.values().get("acceptToken"));
        assertThat(service.invite(new InviteResellerCommand(ada, "other@reseller.example")))
                .isEqualTo(new InviteResellerResult.AlreadyConnected());

        assertThat(service.disconnect(new DisconnectResellerCommand(ada)))
                .isInstanceOf(ResellerChangeResult.Changed.class);
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.DISCONNECTED);
        assertThat(links.accept(first.values().get("acceptToken")).orElseThrow().state())
                .as("after a disconnect the old link does not connect again").isEqualTo(ResellerConnectionState.DISCONNECTED);
        invite(ada, "other@reseller.example");
        assertThat(service.resellerOf(ada.accountId()).resellerEmail()).contains("other@reseller.example");
    }

    @Test
    void aCancelledInvitationCannotBeAcceptedAndCanBeSentAgain() {
        AuthenticatedUser ada = customer("ada@example.org");
        String accept = invite(ada, RESELLER).values().get("acceptToken");
        assertThat(service.disconnect(new DisconnectResellerCommand(ada)))
                .isInstanceOf(ResellerChangeResult.NothingToChange.class);
        assertThat(service.cancelInvitation(new CancelResellerInvitationCommand(ada)))
                .isInstanceOf(ResellerChangeResult.Changed.class);
        assertThat(service.cancelInvitation(new CancelResellerInvitationCommand(ada)))
                .isInstanceOf(ResellerChangeResult.NothingToChange.class);
        assertThat(links.accept(accept).orElseThrow().state()).isEqualTo(ResellerConnectionState.CANCELLED);
        String again = invite(ada, RESELLER).values().get("acceptToken");
        assertThat(links.accept(again).orElseThrow().state()).isEqualTo(ResellerConnectionState.CONNECTED);
    }

    @Test
    void anInvitationExpiresAfterSevenDaysAndTheCustomerIsToldOnce() {
        AuthenticatedUser ada = customer("ada@example.org");
        String accept = invite(ada, RESELLER).values().get("acceptToken");
        f.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(expiry.expireDue()).isZero();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(state(ada)).as("expired even before the job runs").isEqualTo(ResellerConnectionState.EXPIRED);
        assertThat(links.accept(accept).orElseThrow().state()).isEqualTo(ResellerConnectionState.EXPIRED);

        assertThat(expiry.expireDue()).isEqualTo(1);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.RESELLER_INVITATION_EXPIRED);
        int mails = f.outbox.all().size();
        assertThat(expiry.expireDue()).isZero();
        assertThat(f.outbox.all()).hasSize(mails);
        assertThat(links.accept(accept).orElseThrow().state()).isEqualTo(ResellerConnectionState.EXPIRED);
        invite(ada, RESELLER);
        assertThat(f.outbox.all()).as("only the new invitation").hasSize(mails + 1);
    }

    @Test
    void invitingAgainAfterAnUnnoticedExpiryTellsTheCustomerOnceAndSendsTheNewInvitation() {
        AuthenticatedUser ada = customer("ada@example.org");
        invite(ada, RESELLER);
        f.clock.advance(Duration.ofDays(8));
        invite(ada, RESELLER);
        assertThat(f.outbox.all().stream().filter(m -> m.template() == MailTemplate.RESELLER_INVITATION_EXPIRED)).hasSize(1);
        assertThat(expiry.expireDue()).isZero();
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.INVITED);
    }

    @Test
    void unsubscribingDeclinesAnInvitationOrEndsAConnectionAndTellsTheCustomer() {
        AuthenticatedUser ada = customer("ada@example.org");
        String unsubscribe = invite(ada, RESELLER).values().get("unsubscribeToken");
        assertThat(links.subscription(unsubscribe).orElseThrow().state()).isEqualTo(ResellerConnectionState.INVITED);
        assertThat(links.unsubscribe(unsubscribe).orElseThrow().state()).isEqualTo(ResellerConnectionState.DECLINED);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.RESELLER_DECLINED);
        assertThat(links.unsubscribe(unsubscribe).orElseThrow().state()).isEqualTo(ResellerConnectionState.DECLINED);

        OutgoingMail second = invite(ada, RESELLER);
        links.accept(second.values().get("acceptToken"));
        assertThat(links.unsubscribe(second.values().get("unsubscribeToken")).orElseThrow().state())
                .isEqualTo(ResellerConnectionState.UNSUBSCRIBED);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.RESELLER_UNSUBSCRIBED);
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.UNSUBSCRIBED);
    }

    @Test
    void notInterestedStopsTheOfferWhenAddingADevice() {
        AuthenticatedUser ada = customer("ada@example.org");
        assertThat(service.setNotInterested(new ResellerInterestCommand(ada, true)).offerOnDeviceRegistration())
                .isFalse();
        assertThat(service.resellerOf(ada.accountId()).notInterested()).isTrue();
        assertThat(service.setNotInterested(new ResellerInterestCommand(ada, false)).offerOnDeviceRegistration())
                .isTrue();
    }

    @Test
    void eachCustomerSeesAndChangesOnlyTheirOwnReseller() {
        AuthenticatedUser ada = customer("ada@example.org");
        AuthenticatedUser bob = customer("bob@example.org");
        invite(ada, RESELLER);
        assertThat(service.resellerOf(bob.accountId()).state()).isEmpty();
        assertThat(service.cancelInvitation(new CancelResellerInvitationCommand(bob)))
                .isInstanceOf(ResellerChangeResult.NothingToChange.class);
        assertThat(state(ada)).isEqualTo(ResellerConnectionState.INVITED);
        invite(bob, RESELLER);
    }

    @Test
    void fiveInvitationsADayAtMostSoTheInvitationCannotBeUsedToMailSomeoneAgainAndAgain() {
        AuthenticatedUser ada = customer("ada@example.org");
        for (int i = 0; i < InviteResellerResult.DAILY_LIMIT; i++) {
            invite(ada, RESELLER);
            service.cancelInvitation(new CancelResellerInvitationCommand(ada));
        }
        assertThat(service.invite(new InviteResellerCommand(ada, RESELLER)))
                .isInstanceOf(InviteResellerResult.TooManyInvitations.class);
        f.clock.advance(Duration.ofDays(1));
        invite(ada, RESELLER);
    }

    @Test
    void anInvitationPastItsSevenDaysEndedWhenTheyDidEvenBeforeTheJobAndTheOfferComesBack() {
        AuthenticatedUser ada = customer("ada@example.org");
        assertThat(service.offerOnDeviceRegistration(ada.accountId())).as("no reseller yet").isTrue();
        invite(ada, RESELLER);
        ResellerView invited = service.resellerOf(ada.accountId());
        assertThat(invited.endedAt()).isEmpty();
        assertThat(service.offerOnDeviceRegistration(ada.accountId())).as("an invitation is open").isFalse();

        f.clock.advance(Duration.ofDays(9));

        ResellerView expired = service.resellerOf(ada.accountId());
        assertThat(expired.state()).contains(ResellerConnectionState.EXPIRED);
        assertThat(expired.endedAt()).as("the end of its 7 days, not now").isEqualTo(invited.expiresAt())
                .contains(invited.invitedAt().orElseThrow().plus(Duration.ofDays(7)));
        assertThat(service.offerOnDeviceRegistration(ada.accountId())).isTrue();
    }

    @Test
    void aCancelledInvitationEndedWhenItWasCancelled() {
        AuthenticatedUser ada = customer("ada@example.org");
        invite(ada, RESELLER);
        f.clock.advance(Duration.ofDays(2));

        assertThat(service.cancelInvitation(new CancelResellerInvitationCommand(ada)))
                .isInstanceOf(ResellerChangeResult.Changed.class);

        ResellerView cancelled = service.resellerOf(ada.accountId());
        assertThat(cancelled.state()).contains(ResellerConnectionState.CANCELLED);
        assertThat(cancelled.endedAt()).contains(f.clock.instant());
        assertThat(service.offerOnDeviceRegistration(ada.accountId())).isTrue();
    }
}
