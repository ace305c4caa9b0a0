package com.smartconnect.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.port.in.ConfirmEmailChangeCommand;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeResult;
import com.smartconnect.application.account.port.in.RequestEmailChangeCommand;
import com.smartconnect.application.account.port.in.RequestEmailChangeResult;
import com.smartconnect.application.account.registration.SignUpFixture;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryEmailChanges;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.notification.NotificationRecipients;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailChangeServiceTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private final SignUpFixture f = new SignUpFixture();
    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final LogInService logIn = f.logIn(sessions, failures, SessionPolicy.DEFAULT);
    private final SessionAuthenticationService authenticator = new SessionAuthenticationService(f.clock, sessions, SessionPolicy.DEFAULT);
    private final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
    private final InMemoryEventNotifications notifications = new InMemoryEventNotifications();
    private final EmailChangeService service = new EmailChangeService(f.clock, f.random, f.hasher, f.transactions,
            f.accounts, new InMemoryEmailChanges(), failures, f.outbox,
            Set.of(new NotificationRecipients(registrations, notifications, f.random)));
    private AuthenticatedUser ada;

    @BeforeEach
    void anAccount() {
        ada = signUpAndLogIn("ada@example.org");
    }

    private AuthenticatedUser signUpAndLogIn(String email) {
        RegistrationId id = ((SignUpResult.Accepted) f.signUp.signUp(SignUpFixture.validSignUp(email))).registrationId();
        f.verify.verify(new VerifyRegistrationCommand(id, f.outbox.last().values().get("code")));
        String token = ((LogInResult.LoggedIn) logIn.logIn(new LogInCommand(email, PASSWORD, Optional.empty()))).token();
        return authenticator.authenticate(token).orElseThrow();
    }

    private RequestEmailChangeResult request(String password, String newEmail) {
        return service.request(new RequestEmailChangeCommand(ada, password, newEmail));
    }

    private ConfirmEmailChangeResult confirm(String code) {
        return service.confirm(new ConfirmEmailChangeCommand(ada, code));
    }

    private List<OutgoingMail> mailsSince(int count) {
        List<OutgoingMail> all = f.outbox.all();
        return all.subList(count, all.size());
    }

    @Test
    void theCodeToTheNewAddressChangesItAndTheOldAddressIsTold() {
        int before = f.outbox.all().size();
        f.random.willDraw("424242");

        assertThat(request(PASSWORD, "Ada.King@Example.org")).isEqualTo(new RequestEmailChangeResult.CodeSent());

        List<OutgoingMail> sent = mailsSince(before);
        assertThat(sent).extracting(OutgoingMail::template)
                .containsExactly(MailTemplate.EMAIL_CHANGE_CODE, MailTemplate.EMAIL_CHANGE_REQUESTED);
        assertThat(sent.get(0).to()).isEqualTo(new EmailAddress("ada.king@example.org"));
        assertThat(sent.get(1).to()).isEqualTo(new EmailAddress("ada@example.org"));
        assertThat(f.accounts.findById(ada.accountId()).orElseThrow().email().value()).as("not before the code")
                .isEqualTo("ada@example.org");

        assertThat(confirm("424242")).isEqualTo(new ConfirmEmailChangeResult.Changed(new EmailAddress("ada.king@example.org")));
        assertThat(logIn.logIn(new LogInCommand("ada.king@example.org", PASSWORD, Optional.empty())))
                .isInstanceOf(LogInResult.LoggedIn.class);
        assertThat(confirm("424242")).isEqualTo(new ConfirmEmailChangeResult.NoChangeRequested());
    }

    @Test
    void theEventNotificationsOfTheOwnersDevicesFollowTheNewAddress() {
        Account account = f.accounts.findById(ada.accountId()).orElseThrow();
        ProductId own = new ProductId("AS2104123456");
        ProductId coworkers = new ProductId("AS2104123457");
        registrations.add(DeviceRegistration.registered(own, account.id(), account.companyId(), f.clock.instant()));
        registrations.add(DeviceRegistration.registered(coworkers, new AccountId(UUID.randomUUID()),
                account.companyId(), f.clock.instant()));
        EventNotification mine = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), own,
                account.email());
        EventNotification shared = new EventNotification(new NotificationId(UUID.randomUUID()), own,
                List.of(new EmailAddress("ops@example.org"), account.email()), Set.of(Severity.CRITICAL),
                new TreeSet<>(), true);
        EventNotification notOwned = EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), coworkers,
                account.email());
        List.of(mine, shared, notOwned).forEach(notifications::add);
        f.random.willDraw("424242");
        request(PASSWORD, "ada.king@example.org");

        confirm("424242");

        EmailAddress now = new EmailAddress("ada.king@example.org");
        assertThat(notifications.find(mine.id()).orElseThrow().recipients()).containsExactly(now);
        assertThat(notifications.find(shared.id()).orElseThrow().recipients())
                .containsExactly(new EmailAddress("ops@example.org"), now);
        assertThat(notifications.find(notOwned.id()).orElseThrow().recipients()).as("a co-worker's device: theirs to set")
                .containsExactly(account.email());
    }

    @Test
    void anAddressThatHasAnAccountGetsANoteTheSameAnswerAndNoCodeEverWorks() {
        signUpAndLogIn("grace@example.org");
        int before = f.outbox.all().size();
        f.random.willDraw("111111");

        assertThat(request(PASSWORD, "grace@example.org")).isEqualTo(new RequestEmailChangeResult.CodeSent());

        assertThat(mailsSince(before)).extracting(OutgoingMail::template)
                .containsExactly(MailTemplate.EMAIL_CHANGE_ADDRESS_TAKEN, MailTemplate.EMAIL_CHANGE_REQUESTED);
        assertThat(confirm("111111")).isInstanceOf(ConfirmEmailChangeResult.WrongCode.class);
        assertThat(f.accounts.findById(ada.accountId()).orElseThrow().email().value()).isEqualTo("ada@example.org");
    }

    @Test
    void theCodeFollowsTheSignUpCodeRules() {
        f.random.willDraw("424242");
        request(PASSWORD, "ada.king@example.org");
        assertThat(confirm("12a456")).isEqualTo(new ConfirmEmailChangeResult.MalformedCode());
        for (int left = 4; left >= 0; left--) {
            assertThat(confirm("000000")).isEqualTo(new ConfirmEmailChangeResult.WrongCode(left));
        }
        assertThat(confirm("424242")).isEqualTo(new ConfirmEmailChangeResult.TooManyAttempts());

        f.random.willDraw("525252");
        request(PASSWORD, "ada.king@example.org");
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(confirm("525252")).isEqualTo(new ConfirmEmailChangeResult.CodeExpired());
    }

    @Test
    void thePasswordIsAskedAndThrottledAndTheAddressChecked() {
        assertThat(request("Wr0ng!pass", "ada.king@example.org")).isEqualTo(new RequestEmailChangeResult.PasswordIncorrect());
        assertThat(request(PASSWORD, "ada@")).isInstanceOf(RequestEmailChangeResult.Invalid.class);
        assertThat(request(PASSWORD, "ADA@example.org")).isInstanceOf(RequestEmailChangeResult.Invalid.class);
        for (int i = 0; i < 4; i++) {
            request("Wr0ng!pass", "ada.king@example.org");
        }
        assertThat(request(PASSWORD, "ada.king@example.org")).isInstanceOf(RequestEmailChangeResult.Throttled.class);
    }
}
