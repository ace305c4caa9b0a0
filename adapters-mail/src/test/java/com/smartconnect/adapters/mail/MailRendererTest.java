package com.smartconnect.adapters.mail;

import static com.smartconnect.adapters.mail.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MailRendererTest {

    private final MailRenderer renderer = new MailRenderer(Mails.SETTINGS);

    @Test
    void signUpCodeGreetsByFirstNameAndShowsTheCodeInBothParts() throws Exception {
        OutgoingMail mail = Mails.signUpCode("ada@example.org", "Ada", "123456");

        MimeMessage message = renderer.render(mail);

        assertThat(message.getSubject()).isEqualTo("Verify your account");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("SmartConnect <no-reply@smartconnect.local>"));
        assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("ada@example.org"));
        assertThat(((MimeMultipart) message.getContent()).getContentType()).startsWith("multipart/alternative");
        assertThat(part(message, "text/plain"))
                .contains("Hello Ada,", "123456", "valid for 15 minutes", "If you did not sign up, ignore this email.");
        assertThat(part(message, "text/html"))
                .contains("Hello Ada,", "123456", "valid for 15 minutes", "If you did not sign up, ignore this email.");
    }

    @Test
    void valuesAreEscapedInHtmlOnly() throws Exception {
        MimeMessage message = renderer.render(Mails.signUpCode("ada@example.org", "<b>Ada</b> & \"Co\"", "123456"));

        assertThat(part(message, "text/html"))
                .contains("Hello &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;,")
                .doesNotContain("<b>Ada</b>");
        assertThat(part(message, "text/plain")).contains("Hello <b>Ada</b> & \"Co\",");
    }

    @Test
    void existingAccountLinksToLoginAndPasswordReset() throws Exception {
        MimeMessage message = renderer.render(Mails.existingAccount("ada@example.org"));

        assertThat(message.getSubject()).isEqualTo("You already have a SmartConnect account");
        for (String body : new String[] {part(message, "text/plain"), part(message, "text/html")}) {
            assertThat(body)
                    .contains("already has an account", "https://portal.example.com/login", "Forgot your password?",
                            "If it was not you, ignore this email.")
                    .doesNotContain("/password-reset")
                    .doesNotContain("com//");
        }
    }

    @Test
    void loginAttemptsWarningSaysHowManyAndWhatToDo() throws Exception {
        OutgoingMail mail = new OutgoingMail(new com.smartconnect.application.mail.port.out.MailId(java.util.UUID.randomUUID()),
                new com.smartconnect.domain.account.EmailAddress("ada@example.org"),
                com.smartconnect.application.mail.port.out.MailTemplate.LOGIN_ATTEMPTS_WARNING,
                java.util.Map.of("firstName", "Ada", "failedAttempts", "5", "windowMinutes", "15"));

        MimeMessage message = renderer.render(mail);

        assertThat(message.getSubject()).isEqualTo("Failed login attempts on your SmartConnect account");
        for (String body : new String[] {part(message, "text/plain"), part(message, "text/html")}) {
            assertThat(body).contains("Hello Ada,", "wrong password 5 times within 15 minutes",
                    "https://portal.example.com/login", "Forgot your password?", "two-factor authentication")
                    .doesNotContain("/password-reset");
        }
    }

    @Test
    void passwordResetCarriesTheSingleUseLinkAndPasswordChangedSaysWhatToDoIfItWasNotYou() throws Exception {
        MimeMessage reset = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.PASSWORD_RESET,
                java.util.Map.of("firstName", "Ada", "token", "tok_EN-123", "validMinutes", "60")));
        assertThat(reset.getSubject()).isEqualTo("Reset your SmartConnect password");
        for (String body : new String[] {part(reset, "text/plain"), part(reset, "text/html")}) {
            assertThat(body).contains("Hello Ada,", "https://portal.example.com/password-reset?token=tok_EN-123",
                    "within 60 minutes");
        }
        MimeMessage changed = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.PASSWORD_CHANGED,
                java.util.Map.of("firstName", "Ada")));
        assertThat(changed.getSubject()).isEqualTo("Your SmartConnect password was changed");
        assertThat(part(changed, "text/plain")).contains("If you did not", "https://portal.example.com/login",
                "Forgot your password?").doesNotContain("/password-reset");
        MimeMessage deleted = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.ACCOUNT_DELETED,
                java.util.Map.of("firstName", "Ada")));
        assertThat(deleted.getSubject()).isEqualTo("Your SmartConnect account was deleted");
        assertThat(part(deleted, "text/html")).contains("Hello Ada,", "cannot be undone");
    }

    @Test
    void emailChangeMailsCarryTheCodeTellTheOldAddressAndAnswerATakenOne() throws Exception {
        MimeMessage code = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.EMAIL_CHANGE_CODE,
                java.util.Map.of("firstName", "Ada", "code", "424242", "validMinutes", "15")));
        assertThat(code.getSubject()).isEqualTo("Confirm your new email address");
        assertThat(part(code, "text/plain")).contains("Hello Ada,", "424242", "15 minutes");
        assertThat(part(code, "text/html")).contains("424242");
        MimeMessage told = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.EMAIL_CHANGE_REQUESTED,
                java.util.Map.of("firstName", "Ada", "newEmail", "ada.king@example.org")));
        assertThat(part(told, "text/plain")).contains("ada.king@example.org", "Forgot your password?");
        MimeMessage taken = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.EMAIL_CHANGE_ADDRESS_TAKEN,
                java.util.Map.of()));
        assertThat(part(taken, "text/plain")).contains("already has an account").doesNotContainPattern("\\d{6}");
    }

    @Test
    void coworkerInvitationNamesTheInviterAndTheCompanyAndLinksToRegistration() throws Exception {
        MimeMessage invitation = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.COWORKER_INVITATION,
                java.util.Map.of("inviterName", "Ada Lovelace", "companyName", "Engines & Co", "token", "tok_EN-1",
                        "validDays", "7")));
        assertThat(invitation.getSubject()).isEqualTo("Ada Lovelace invites you to SmartConnect");
        assertThat(part(invitation, "text/plain")).contains("join Engines & Co", "within 7 days",
                "https://portal.example.com/register?invitation=tok_EN-1", "belong to the same company");
        assertThat(part(invitation, "text/html")).contains("Engines &amp; Co",
                "https://portal.example.com/register?invitation=tok_EN-1");
    }

    @Test
    void resellerInvitationHasAcceptAndUnsubscribeLinksAndTheOneClickHeadersOfRfc8058() throws Exception {
        MimeMessage invitation = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_INVITATION,
                java.util.Map.of("customerName", "Ada Lovelace", "companyName", "Engines & Co", "acceptToken", "acc_1",
                        "unsubscribeToken", "uns_2", "validDays", "7")));
        assertThat(invitation.getSubject()).isEqualTo("Ada Lovelace invites you to connect on SmartConnect");
        assertThat(part(invitation, "text/plain")).contains("Ada Lovelace of Engines & Co", "ACCEPT INVITE",
                "https://portal.example.com/reseller/accept?token=acc_1", "expires after 7 days",
                "https://portal.example.com/reseller/unsubscribe?token=uns_2");
        assertThat(part(invitation, "text/html")).contains("Engines &amp; Co", "ACCEPT INVITE",
                "https://portal.example.com/reseller/unsubscribe?token=uns_2");
        assertThat(invitation.getHeader("List-Unsubscribe"))
                .containsExactly("<https://portal.example.com/reseller/unsubscribe?token=uns_2>");
        assertThat(invitation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        MimeMessage notice = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_DECLINED,
                java.util.Map.of("firstName", "Ada", "resellerEmail", "sales@reseller.example")));
        assertThat(part(notice, "text/plain")).contains("Hello Ada", "sales@reseller.example declined");
        assertThat(notice.getHeader("List-Unsubscribe")).as("only mails to resellers carry it").isNull();
    }

    @Test
    void anEventNotificationSaysWhatHappenedWhenAndWhatToDoWithTheUnsubscribeLinkAndHeaders() throws Exception {
        MimeMessage mail = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.EVENT_NOTIFICATION,
                java.util.Map.of("deviceName", "Server <room>", "productId", "AS2104123456", "eventTitle", "On battery",
                        "eventType", "ON_BATTERY", "severity", "Warning", "occurredAt", "20 Nov 2026, 09:00",
                        "timeZone", "Europe/Paris", "advice", "Save your work.", "unsubscribeToken", "QVMy.mac-1")));

        assertThat(mail.getSubject()).isEqualTo("Warning: On battery on Server <room>");
        for (String body : new String[] {part(mail, "text/plain"), part(mail, "text/html")}) {
            assertThat(body).contains("Event Notification", "On battery", "ON_BATTERY", "Warning",
                    "20 Nov 2026, 09:00 (Europe/Paris)", "Save your work.",
                    "https://portal.example.com/devices/events?productId=AS2104123456",
                    "Unsubscribe from Email Event Notifications",
                    "https://portal.example.com/notifications/unsubscribe?token=QVMy.mac-1");
            assertThat(body).as("the portal's Event Log page, not the API").doesNotContain("/api/");
        }
        assertThat(part(mail, "text/html")).contains("Server &lt;room&gt;");
        assertThat(mail.getHeader("List-Unsubscribe"))
                .containsExactly("<https://portal.example.com/notifications/unsubscribe?token=QVMy.mac-1>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void theDisabledAlertSaysWhyUntilWhenAndHasTheEnableLink() throws Exception {
        MimeMessage alert = renderer.render(mail(
                com.smartconnect.application.mail.port.out.MailTemplate.EVENT_NOTIFICATIONS_DISABLED,
                java.util.Map.of("firstName", "Ada", "deviceName", "Server room", "productId", "AS2104123456",
                        "maxNotifications", "6", "windowMinutes", "30", "disabledDays", "7",
                        "disabledUntil", "27 Nov 2026, 09:06", "timeZone", "Europe/Paris", "enableToken", "en.mac-2")));

        assertThat(alert.getSubject()).isEqualTo("Event Notifications Disabled for Server room");
        for (String body : new String[] {part(alert, "text/plain"), part(alert, "text/html")}) {
            assertThat(body).contains("Hello Ada", "over 6 notifications within 30 minutes", "disabled for 7 days",
                    "27 Nov 2026, 09:06 (Europe/Paris)", "still logged in the",
                    "https://portal.example.com/devices/events?productId=AS2104123456",
                    "https://portal.example.com/notifications/enable?token=en.mac-2");
            assertThat(body).as("the portal's Event Log page, not the API").doesNotContain("/api/");
        }
        assertThat(part(alert, "text/html")).contains("Enable Notifications");
        assertThat(alert.getHeader("List-Unsubscribe")).as("an alert to the owner, not a list mail").isNull();
    }

    @Test
    void theFreePeriodNoticeNamesTheDeviceTheDateAndHowToBuyASubscription() throws Exception {
        MimeMessage notice = renderer.render(mail(com.smartconnect.application.mail.port.out.MailTemplate.FREE_PERIOD_ENDING,
                java.util.Map.of("firstName", "Ada", "deviceName", "Server room", "productId", "AS2104123456",
                        "endsOn", "2027-01-15", "daysLeft", "30")));
        assertThat(notice.getSubject()).isEqualTo("Upcoming changes to your SmartConnect account");
        assertThat(part(notice, "text/plain")).contains("Hello Ada", "Server room", "AS2104123456", "2027-01-15",
                "in 30 days", "Basic Monitoring", "buy a SmartConnect Subscription");
        assertThat(part(notice, "text/plain")).contains("via Schneider Exchange or a local reseller");
    }

    private static OutgoingMail mail(com.smartconnect.application.mail.port.out.MailTemplate template, java.util.Map<String, String> values) {
        return new OutgoingMail(new com.smartconnect.application.mail.port.out.MailId(java.util.UUID.randomUUID()),
                new com.smartconnect.domain.account.EmailAddress("ada@example.org"), template, values);
    }

    @Test
    void messageIdIsTheMailIdAtThePortalHostAndSurvivesSaving() throws Exception {
        OutgoingMail mail = Mails.existingAccount("ada@example.org");
        MimeMessage message = renderer.render(mail);

        message.saveChanges();
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo("<" + mail.id() + "@portal.example.com>");
        assertThat(renderer.render(mail).getMessageID()).isEqualTo(message.getMessageID());
    }

    @Test
    void settingsRefuseAnUnusableSenderOrUrl() {
        assertThatThrownBy(() -> new MailSettings("not an address", URI.create("https://portal.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("no-reply@smartconnect.local", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lifecycleReminderGivesTheResellerTheModelDateSkuAndContactDetailsAndAnUnsubscribeLink() throws Exception {
        for (var template : java.util.List.of(com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_LIFECYCLE_REMINDER,
                com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_CUSTOMER_REMINDER)) {
            OutgoingMail mail = new OutgoingMail(new com.smartconnect.application.mail.port.out.MailId(java.util.UUID.randomUUID()),
                    new com.smartconnect.domain.account.EmailAddress("reseller@example.org"), template,
                    java.util.Map.ofEntries(java.util.Map.entry("title", "Replace Battery"),
                            java.util.Map.entry("model", "SMT1500RMI2UC"), java.util.Map.entry("productId", "AS2104123456"),
                            java.util.Map.entry("dueOn", "2027-03-15"), java.util.Map.entry("sku", "APCRBC133"),
                            java.util.Map.entry("daysLeft", "90"), java.util.Map.entry("when", "in 90 days"),
                            java.util.Map.entry("companyName", "Acme Ltd"),
                            java.util.Map.entry("customerName", "Ada Lovelace"),
                            java.util.Map.entry("customerEmail", "ada@example.org"),
                            java.util.Map.entry("customerPhone", "+44 20 7946 0000"),
                            java.util.Map.entry("customerJobRole", "IT manager"),
                            java.util.Map.entry("unsubscribeToken", "signed-token")));

            MimeMessage message = renderer.render(mail);

            assertThat(message.getSubject()).contains("Replace Battery");
            for (String body : new String[] {part(message, "text/plain"), part(message, "text/html")}) {
                assertThat(body).contains("SMT1500RMI2UC", "2027-03-15", "APCRBC133", "Acme Ltd", "Ada Lovelace",
                        "ada@example.org", "+44 20 7946 0000", "IT manager",
                        "https://portal.example.com/reseller/unsubscribe?token=signed-token", "Unsubscribe");
                assertThat(body).contains("2027-03-15</strong> (in 90 days)".substring(body.contains("<html") ? 0 : 19));
            }
            if (template == com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_LIFECYCLE_REMINDER) {
                assertThat(message.getSubject()).isEqualTo("Replace Battery: Acme Ltd needs APCRBC133 by 2027-03-15");
            }
            assertThat(message.getHeader("List-Unsubscribe"))
                    .containsExactly("<https://portal.example.com/reseller/unsubscribe?token=signed-token>");
        }
    }

    @Test
    void aPastEventIsDaysAgoAndAReminderWithoutACatalogSkuNamesNone() throws Exception {
        for (var template : java.util.List.of(com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_LIFECYCLE_REMINDER,
                com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_CUSTOMER_REMINDER)) {
            OutgoingMail mail = new OutgoingMail(new com.smartconnect.application.mail.port.out.MailId(java.util.UUID.randomUUID()),
                    new com.smartconnect.domain.account.EmailAddress("reseller@example.org"), template,
                    java.util.Map.ofEntries(java.util.Map.entry("title", "Warranty Expires on 15 March 2027"),
                            java.util.Map.entry("model", "SMT1500RMI2UC"), java.util.Map.entry("productId", "AS2104123456"),
                            java.util.Map.entry("dueOn", "2027-03-15"), java.util.Map.entry("sku", ""),
                            java.util.Map.entry("daysLeft", "0"), java.util.Map.entry("when", "36 days ago"),
                            java.util.Map.entry("companyName", "Acme Ltd"),
                            java.util.Map.entry("customerName", "Ada Lovelace"),
                            java.util.Map.entry("customerEmail", "ada@example.org"),
                            java.util.Map.entry("customerPhone", ""), java.util.Map.entry("customerJobRole", ""),
                            java.util.Map.entry("unsubscribeToken", "signed-token")));

            MimeMessage message = renderer.render(mail);

            if (template == com.smartconnect.application.mail.port.out.MailTemplate.RESELLER_LIFECYCLE_REMINDER) {
                assertThat(message.getSubject())
                        .isEqualTo("Warranty Expires on 15 March 2027: Acme Ltd — due 2027-03-15");
            }
            for (String body : new String[] {part(message, "text/plain"), part(message, "text/html")}) {
                assertThat(body).contains("36 days ago").contains("none in the SmartConnect catalog for this model")
                        .doesNotContain("days from today").doesNotContain("0 days");
            }
        }
    }
}
