package com.smartconnect.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.fake.InMemoryLifecycleReminders;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryResellerPreferences;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.DueEvent;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.Position;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.reseller.ResellerLinkService;
import com.smartconnect.application.reseller.ResellerMails;
import com.smartconnect.application.reseller.ResellerService;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daily reseller reminders over in-memory ports, day by day with a moved clock. */
class ResellerReminderJobTest {

    private static final String RESELLER = "sales@reseller.example";
    private static final ProductId UPS = new ProductId("AS2104123456");

    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final LogInService logIn = f.logIn(sessions, new InMemoryLoginFailures(), SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final ResellerMails resellerMails = new ResellerMails(f.random, f.accounts);
    private final ResellerService resellers = new ResellerService(f.clock, f.random, f.transactions, f.accounts,
            f.companies, f.resellerConnections, new InMemoryResellerPreferences(), f.outbox, resellerMails);
    private final ResellerLinkService links = new ResellerLinkService(f.clock, f.transactions, f.accounts, f.companies,
            f.resellerConnections, f.outbox, resellerMails, new PlainLinkSigner());
    private final InMemoryLifecycleReminders reminders = new InMemoryLifecycleReminders();
    private final LifecycleMails mails = new LifecycleMails(f.random, f.accounts, f.companies, new PlainLinkSigner());
    private final ResellerReminderJob job = new ResellerReminderJob(f.clock, f.transactions, reminders,
            f.resellerConnections, f.outbox, mails);

    private AuthenticatedUser customer(String email) {
        var id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(email))).registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
        var loggedIn = (LogInResult.LoggedIn) logIn.logIn(new LogInCommand(email, "Tr1angle!Sky", Optional.empty()));
        return authenticator.authenticate(loggedIn.token()).orElseThrow();
    }

    private ResellerConnection connectedReseller(AuthenticatedUser customer) {
        resellers.invite(new InviteResellerCommand(customer, RESELLER));
        links.accept(f.outbox.last().values().get("acceptToken"));
        return f.resellerConnections.latestOf(customer.accountId()).orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
    }

    private void batteryDue(ResellerConnection connection, LocalDate dueOn) {
        reminders.put(new DueEvent(connection.id(), connection.customer(), connection.resellerEmail(),
                connection.connectedAt().orElseThrow(), UPS, LifecycleKind.BATTERY, dueOn, "SMT1500RMI2UC",
                "APCRBC133", ResolvingSkus.NONE, Optional.empty(), new Position(dueOn.atStartOfDay(ZoneOffset.UTC).toInstant(), UPS)));
    }

    private List<OutgoingMail> reminderMails() {
        return f.outbox.all().stream().filter(m -> m.template() == MailTemplate.RESELLER_LIFECYCLE_REMINDER).toList();
    }

    /** Runs the job on each of the next {@code days} days, twice a day, as two instances would. */
    private void runDays(int days) {
        for (int i = 0; i < days; i++) {
            f.clock.advance(Duration.ofDays(1));
            job.runDue();
            job.runDue();
        }
    }

    @Test
    void fourMailsOnTheirDaysWithTheModelDateSkuAndContactDetails() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        LocalDate due = today().plusDays(100);
        batteryDue(connection, due);

        runDays(9);
        assertThat(reminderMails()).as("91 days before").isEmpty();
        runDays(1);
        assertThat(reminderMails()).hasSize(1);
        OutgoingMail first = reminderMails().get(0);
        assertThat(first.to().value()).isEqualTo(RESELLER);
        assertThat(first.values()).containsEntry("title", "Replace Battery").containsEntry("model", "SMT1500RMI2UC")
                .containsEntry("dueOn", due.toString()).containsEntry("sku", "APCRBC133")
                .containsEntry("daysLeft", "90").containsEntry("customerName", "Ada Lovelace")
                .containsEntry("customerEmail", "ada@example.org")
                .containsEntry("companyName", "Analytical Engines Ltd")
                .containsEntry("unsubscribeToken", "reseller-unsubscribe~" + connection.id());
        runDays(60);
        assertThat(reminderMails()).hasSize(2);
        runDays(23);
        assertThat(reminderMails()).hasSize(3);
        runDays(7);
        assertThat(reminderMails()).extracting(m -> m.values().get("daysLeft")).containsExactly("90", "30", "7", "0");
        assertThat(reminderMails()).extracting(m -> m.values().get("when"))
                .containsExactly("in 90 days", "in 30 days", "in 7 days", "today");
        runDays(30);
        assertThat(reminderMails()).hasSize(4);
    }

    @Test
    void aResolvedEventHasANewDueDateAndTheOldOneNoMoreMails() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        LocalDate due = today().plusDays(31);
        batteryDue(connection, due);
        runDays(1);
        assertThat(reminderMails()).as("the 30-day stage; the 90-day one passed before").hasSize(1);

        batteryDue(connection, due.plusYears(4));
        runDays(40);

        assertThat(reminderMails()).hasSize(1);
    }

    @Test
    void theSignedUnsubscribeLinkOfAReminderEndsTheConnectionAndNoMoreMailsFollow() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        batteryDue(connection, today().plusDays(31));
        runDays(1);
        String token = reminderMails().get(0).values().get("unsubscribeToken");

        assertThat(links.subscription(token).orElseThrow().state()).isEqualTo(ResellerConnectionState.CONNECTED);
        assertThat(links.unsubscribe(token).orElseThrow().state()).isEqualTo(ResellerConnectionState.UNSUBSCRIBED);
        assertThat(f.outbox.last().template()).isEqualTo(MailTemplate.RESELLER_UNSUBSCRIBED);
        assertThat(links.unsubscribe("another-purpose~" + connection.id())).isEmpty();

        runDays(40);
        assertThat(reminderMails()).as("the event is still listed, the connection has ended").hasSize(1);
    }

    private void due(ResellerConnection connection, ProductId productId, LifecycleKind kind, LocalDate dueOn) {
        reminders.put(new DueEvent(connection.id(), connection.customer(), connection.resellerEmail(),
                connection.connectedAt().orElseThrow(), productId, kind, dueOn, "SMT1500RMI2UC", "APCRBC133",
                SKUS, Optional.empty(), new Position(dueOn.atStartOfDay(ZoneOffset.UTC).toInstant(), productId)));
    }

    /** The SKUs the catalog names for the model of the events of {@link #due}. */
    private static final ResolvingSkus SKUS = ResolvingSkus.of("WBEXTWAR1YR-SP-01", "SCSTD1Y-SMT1500", "SCADV1Y-SMT1500");

    @Test
    void eachReminderNamesTheSkuTheCatalogNamesForItsKindAndNoneWhenItNamesNone() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        due(connection, UPS, LifecycleKind.WARRANTY, today().plusDays(31));
        due(connection, UPS, LifecycleKind.STANDARD_PLAN, today().plusDays(8));
        due(connection, new ProductId("AS2104654321"), LifecycleKind.ADVANCED_PLAN, today().plusDays(8));
        batteryDue(connection, today().plusDays(91));
        reminders.put(new DueEvent(connection.id(), connection.customer(), connection.resellerEmail(),
                connection.connectedAt().orElseThrow(), new ProductId("AS2104777777"), LifecycleKind.WARRANTY,
                today().plusDays(91), "SMT1500RMI2UC", "APCRBC133", ResolvingSkus.NONE, Optional.empty(),
                new Position(today().plusDays(91).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        new ProductId("AS2104777777"))));
        f.clock.advance(Duration.ofDays(1));

        assertThat(job.runDue()).isEqualTo(5);
        assertThat(reminderMails()).extracting(m -> m.values().get("productId") + " " + m.values().get("sku"))
                .containsExactlyInAnyOrder("AS2104123456 WBEXTWAR1YR-SP-01", "AS2104123456 SCSTD1Y-SMT1500",
                        "AS2104654321 SCADV1Y-SMT1500", "AS2104123456 APCRBC133", "AS2104777777 ");
    }

    @Test
    void aPassAnswersHowManyRemindersItQueuedAndTheNextPassNone() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        due(connection, UPS, LifecycleKind.BATTERY, today().plusDays(31));
        due(connection, UPS, LifecycleKind.WARRANTY, today().plusDays(8));
        due(connection, new ProductId("AS2104654321"), LifecycleKind.BATTERY, today().plusDays(60));
        f.clock.advance(Duration.ofDays(1));

        assertThat(job.runDue()).as("the 30-day and the 7-day stages; nothing is due 59 days before").isEqualTo(2);
        assertThat(reminderMails()).hasSize(2);
        assertThat(job.runDue()).as("sent already").isZero();
        assertThat(reminderMails()).hasSize(2);
    }

    @Test
    void aPassCountsNothingForAResellerWhoUnsubscribedSinceThePageWasRead() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        batteryDue(connection, today().plusDays(31));
        f.resellerConnections.update(f.resellerConnections.latestOf(ada.accountId()).orElseThrow()
                .ended(ResellerConnectionState.UNSUBSCRIBED, f.clock.instant()), ResellerConnectionState.CONNECTED);
        f.clock.advance(Duration.ofDays(1));

        assertThat(job.runDue()).isZero();
        assertThat(reminderMails()).isEmpty();
        assertThat(reminders.sentCount()).as("nothing recorded either").isZero();
    }

    @Test
    void aPassCountsNoMailForACustomerWhoseAccountIsGone() {
        AuthenticatedUser ada = customer("ada@example.org");
        ResellerConnection connection = connectedReseller(ada);
        batteryDue(connection, today().plusDays(31));
        f.accounts.delete(ada.accountId());
        f.clock.advance(Duration.ofDays(1));

        assertThat(job.runDue()).isZero();
        assertThat(reminderMails()).isEmpty();
    }
}
