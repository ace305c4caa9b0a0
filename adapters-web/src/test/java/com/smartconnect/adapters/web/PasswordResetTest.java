package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.account.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.mail.port.out.MailTemplate;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Forgot your password?", the page its mail links to, and the form that page posts. */
class PasswordResetTest {

    private static final String ADA = "ada@example.com";
    private static final String OLD_PASSWORD = "Tr1angle!Sky";
    private static final String NEW_PASSWORD = "Zebra#Crossing9";
    private static final String LINK_NOT_USABLE = "This link has expired or was already used.";
    private static final List<String> RULES = List.of(
            "at least 8 characters",
            "not contain your first name or last name",
            "use at least 3 of: upper case letters, lower case letters, numbers, symbols",
            "not contain your email address or part of it");

    private static final Pattern FIELD_ERROR = Pattern.compile("<(p|ul) class=\"field-error\"[^>]*>(.*?)</\\1>");

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheKnownOneIsMailed() {
        web.verifiedAccount(ADA, "Ada");

        Answer unknown = requestReset("nobody@example.com");
        assertThat(web.mails(MailTemplate.PASSWORD_RESET)).isEmpty();
        Answer known = requestReset(ADA);

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(202);
        assertThat(known.status()).as(known.body()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo("{}");
        assertThat(unknown.header("Content-Type")).isEqualTo(known.header("Content-Type"));
        assertThat(web.mails(MailTemplate.PASSWORD_RESET)).singleElement()
                .satisfies(mail -> assertThat(mail.to().value()).isEqualTo(ADA));
        assertThat(web.lastResetToken()).isNotBlank();
    }

    @Test
    void aMissingOrMalformedAddressAndARefusedCaptchaAreRefused() {
        Answer missing = web.postJson("/api/v1/password-resets", new JsonObject().put("captchaToken", "token"));
        Answer blank = requestReset("");
        Answer malformed = requestReset("not-an-email");
        Answer captcha = web.postJson("/api/v1/password-resets",
                new JsonObject().put("email", ADA).put("captchaToken", ScriptedCaptcha.REFUSED_TOKEN));

        JsonObject required = new JsonObject().put("field", "email").put("code", "EMAIL_REQUIRED")
                .put("message", "Please enter email address");
        for (Answer answer : List.of(missing, blank)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.errors()).containsExactly(required);
        }
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errors()).containsExactly(new JsonObject().put("field", "email").put("code", "INVALID_EMAIL")
                .put("message", "You have entered an invalid email address. Please re-enter the email address."));
        assertThat(captcha.status()).isEqualTo(400);
        assertThat(captcha.code()).isEqualTo("CAPTCHA_FAILED");
        assertThat(web.outbox.all()).isEmpty();
    }

    @Test
    void theMailedLinkOpensAFormWithTheTokenAndThePasswordRules() {
        String token = mailedToken();

        Answer page = web.get(pageOf(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.isPage()).isTrue();
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/password-reset\"")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">")
                .contains("name=\"password\"")
                .contains("name=\"passwordConfirmation\"")
                .contains("Reset Password")
                .doesNotContain("class=\"field-error\"");
        assertThat(page.body()).contains(RULES);
    }

    @Test
    void passwordsThatDoNotMatchShowTheFormAgainWithoutEchoingThem() {
        String token = mailedToken();

        Answer answer = submit(token, NEW_PASSWORD, "Zebra#Crossing8");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errorsOf(answer)).containsExactly("The passwords do not match.");
        assertThat(answer.body()).contains("value=\"" + token + "\"").contains(RULES)
                .doesNotContain(NEW_PASSWORD).doesNotContain("Zebra#Crossing8");
        assertThat(web.logIn(ADA, OLD_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aWeakPasswordShowsTheFormAgainWithEveryRuleItBreaks() {
        String token = mailedToken();

        Answer answer = submit(token, "ada", "ada");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errorsOf(answer)).containsExactly(
                "The password must be at least 8 characters in length.",
                "The password cannot contain your first name or last name.",
                "The password must use at least 3 of four character types: upper case letters, lower case letters, numbers and symbols.",
                "Cannot contain email or part of email.");
        assertThat(answer.body()).contains("value=\"" + token + "\"").doesNotContain("value=\"ada\"");
        assertThat(web.get(pageOf(token)).status()).as("the link still works").isEqualTo(200);
    }

    @Test
    void aGoodPasswordIsSetOnceAndEndsEverySession() {
        String token = mailedToken();
        String earlier = web.logIn(ADA, OLD_PASSWORD).json().getString("token");

        Answer done = submit(token, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Your password has been reset. You can now log in with your new password.")
                .doesNotContain("<form").doesNotContain(NEW_PASSWORD);
        assertThat(web.logIn(ADA, NEW_PASSWORD).status()).isEqualTo(201);
        assertThat(web.logIn(ADA, OLD_PASSWORD).status()).isEqualTo(401);
        Answer me = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + earlier);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("NOT_AUTHENTICATED");

        Answer again = web.get(pageOf(token));
        Answer postedAgain = submit(token, "Another#Pass5", "Another#Pass5");
        for (Answer used : List.of(again, postedAgain)) {
            assertLinkNotUsable(used);
        }
        assertThat(web.logIn(ADA, "Another#Pass5").status()).isEqualTo(401);
    }

    @Test
    void aPostWithoutThisBrowsersFormTokenIsRefusedAndSetsNoPassword() {
        String token = mailedToken();
        Map<String, String> form = Map.of("token", token, "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD);
        Map<String, String> withAnothersToken = new LinkedHashMap<>(form);
        withAnothersToken.put("csrf", anotherBrowsersFormToken(pageOf(token)));

        for (Answer refused : List.of(web.postForm("/password-reset", form),
                web.submitForm("/password-reset", withAnothersToken))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isPage()).isTrue();
            assertThat(refused.body()).doesNotContain(token).doesNotContain(NEW_PASSWORD);
        }
        assertThat(web.logIn(ADA, OLD_PASSWORD).status()).as("the password is as it was").isEqualTo(201);
        assertThat(submit(token, NEW_PASSWORD, NEW_PASSWORD).status()).as("the link still works").isEqualTo(200);
    }

    /** The {@code csrf} field another browser (another form cookie) finds on the page at {@code path}. */
    private String anotherBrowsersFormToken(String path) {
        String token = WebApiFixture.csrfOf(web.send("GET", path, null, null,
                "Cookie", WebApiFixture.FORM_COOKIE + "=" + "another-browser-".repeat(3)));
        assertThat(token).isNotNull();
        return token;
    }

    @Test
    void aLinkOlderThanAnHourHasExpired() {
        String token = mailedToken();
        // The person opened the form within the hour, and posts it after.
        assertThat(web.get(pageOf(token)).status()).isEqualTo(200);

        web.clock.advance(Duration.ofMinutes(61));

        assertLinkNotUsable(web.get(pageOf(token)));
        assertLinkNotUsable(submit(token, NEW_PASSWORD, NEW_PASSWORD));
        assertLinkNotUsable(submit(token, NEW_PASSWORD, "mismatch"));
        assertThat(web.logIn(ADA, OLD_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void anUnknownTokenIsNotUsableAndAMissingOneMakesTheLinkIncomplete() {
        assertLinkNotUsable(web.get(pageOf("no-such-token")));
        // A browser with a form of this server open, whose post lost its token.
        assertThat(web.get(pageOf(mailedToken())).status()).isEqualTo(200);

        List<Answer> incomplete = List.of(
                web.get("/password-reset"),
                web.get("/password-reset?token="),
                web.submitForm("/password-reset", Map.of("password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD)));
        for (Answer answer : incomplete) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isPage()).isTrue();
            assertThat(answer.body()).contains("This link is incomplete.").doesNotContain("<form");
        }
    }

    @Test
    void aTokenIsEscapedAndNeverBecomesMarkup() throws Exception {
        String hostile = "\"><script>alert(1)</script>";
        Answer unusable = web.get(pageOf(hostile));
        assertThat(unusable.status()).isEqualTo(410);
        assertThat(unusable.body()).doesNotContain("<script>").doesNotContain("alert(1)");

        // A link query that takes any token, so the hostile one reaches the form's hidden field.
        PasswordResetLinkQuery anyToken = token -> true;
        try (WebApiFixture lenient = WebApiFixture.start(new VertxOptions(), useCases -> new HttpApi.UseCases(
                useCases.signUp(), useCases.verify(), useCases.resend(), useCases.registrationStatus(), useCases.logIn(),
                useCases.logOut(), useCases.authenticate(), useCases.profile(), useCases.requestPasswordReset(),
                useCases.resetPassword(), anyToken, useCases.changePassword(), useCases.deleteAccount(),
                useCases.inviteCoworker(), useCases.coworkerInvitations(), useCases.cancelCoworkerInvitation(),
                useCases.invitationLookup(), useCases.updateProfile(), useCases.requestEmailChange(),
                useCases.confirmEmailChange(), useCases.completeLogIn(), useCases.sendTwoFactorCode(),
                    useCases.twoFactor(), useCases.startTwoFactorEnrolment(), useCases.confirmTwoFactorEnrolment(),
                    useCases.disableTwoFactor(), useCases.reseller(),
                    useCases.inviteReseller(), useCases.manageReseller(), useCases.resellerLinks(),
                    useCases.plans(), useCases.changePlan()), List.of())) {
            Answer form = lenient.get(pageOf(hostile));
            Answer mismatch = lenient.submitForm("/password-reset",
                    Map.of("token", hostile, "password", "a", "passwordConfirmation", "b"));

            for (Answer answer : List.of(form, mismatch)) {
                assertThat(answer.body()).doesNotContain("<script>")
                        .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
            }
        }
    }

    @Test
    void thePagesCarryHeadersThatKeepTheTokenInThePage() {
        String token = mailedToken();

        List<Answer> pages = List.of(web.get(pageOf(token)), submit(token, "x", "y"), web.get(pageOf("gone")),
                web.get("/password-reset"));

        for (Answer page : pages) {
            assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            // The portal's policy: its own script and styles only, nothing inline, no framing.
            assertThat(page.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; frame-src 'none'; form-action 'self'; frame-ancestors 'none'; "
                            + "base-uri 'none'");
        }
    }

    @Test
    void theFormMustComeFormEncodedAndWithin64Kib() {
        String token = mailedToken();

        Answer json = web.send("POST", "/password-reset", "application/json",
                new JsonObject().put("token", token).put("password", NEW_PASSWORD).put("passwordConfirmation", NEW_PASSWORD)
                        .encode());
        Map<String, String> huge = new LinkedHashMap<>();
        huge.put("token", token);
        huge.put("password", "x".repeat(70_000));
        huge.put("passwordConfirmation", "x");
        Answer tooLarge = web.submitForm("/password-reset", huge);

        assertThat(json.status()).isEqualTo(415);
        assertThat(json.isPage()).isTrue();
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isPage()).isTrue();
        assertThat(web.get(pageOf(token)).status()).isEqualTo(200);
    }

    @Test
    void thePublishedContractListsThePasswordOperations() {
        String document = web.get("/api/openapi.yaml").body();

        assertThat(document).contains("operationId: requestPasswordReset", "operationId: getPasswordResetPage",
                "operationId: submitPasswordResetPage", "operationId: changePassword",
                "application/x-www-form-urlencoded", "text/html");
    }

    private Answer requestReset(String email) {
        return web.postJson("/api/v1/password-resets", new JsonObject().put("email", email).put("captchaToken", "token"));
    }

    /** An account for Ada, and the token of the reset link mailed to her. */
    private String mailedToken() {
        web.verifiedAccount(ADA, "Ada");
        assertThat(requestReset(ADA).status()).isEqualTo(202);
        return web.lastResetToken();
    }

    private static String pageOf(String token) {
        return "/password-reset?token=" + WebApiFixture.urlEncoded(token);
    }

    private Answer submit(String token, String password, String confirmation) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("password", password);
        form.put("passwordConfirmation", confirmation);
        return web.submitForm("/password-reset", form);
    }

    private static void assertLinkNotUsable(Answer answer) {
        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.isPage()).isTrue();
        assertThat(answer.body()).contains(LINK_NOT_USABLE).contains("Forgot your password?").doesNotContain("<form");
    }

    /** The messages at the page's fields: a list's items, or a paragraph's text. */
    private static List<String> errorsOf(Answer page) {
        Matcher fieldErrors = FIELD_ERROR.matcher(page.body());
        List<String> messages = new ArrayList<>();
        while (fieldErrors.find()) {
            String content = fieldErrors.group(2);
            if (fieldErrors.group(1).equals("p")) {
                messages.add(content);
            } else {
                List.of(content.split("<li>")).stream().skip(1)
                        .map(item -> item.substring(0, item.indexOf("</li>"))).forEach(messages::add);
            }
        }
        assertThat(messages).as("the page shows messages at its fields").isNotEmpty();
        return messages;
    }
}
