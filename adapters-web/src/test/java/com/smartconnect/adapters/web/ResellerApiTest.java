package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.adapters.web.portal.LinkPages;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.reseller.port.in.ResellerLink;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's Reseller page ({@code /api/v1/reseller}) and the reseller's pages behind the links of the invitation
 * mail ({@code /reseller/accept}, {@code /reseller/unsubscribe}), over HTTP with the real services.
 */
class ResellerApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String REX = "rex@reseller.example";
    private static final String RESELLER = "/api/v1/reseller";
    private static final String INVITATION = "/api/v1/reseller/invitation";
    private static final String DISCONNECT = "/api/v1/reseller/disconnect";
    private static final String SETTINGS = "/api/v1/reseller/settings";
    private static final String CUSTOMER = "Ada Lovelace of Analytical Engines Ltd";
    private static final String INVALID_EMAIL = "You have entered an invalid email address. Please re-enter the email address.";
    private static final String EXPIRED = "This invitation has expired.";
    private static final String INVITE_AGAIN = "please ask Ada Lovelace to invite you again from the Reseller page";

    private WebApiFixture web;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.verifiedAccount(ADA, "Ada");
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    // The customer's Reseller page

    @Test
    void beforeAnyInvitationThePageShowsNoneAndOffersTheResellerStep() {
        Answer page = get();

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("application/json");
        assertThat(page.json()).isEqualTo(new JsonObject()
                .put("state", "none")
                .put("notInterested", false)
                .put("offerOnDeviceRegistration", true));
    }

    @Test
    void aMissingOrEmptyAddressIsRequiredWithThePortalMessage() {
        assertProblem(invite(new JsonObject()), 400, "EMAIL_REQUIRED", "Please enter email address");
        assertProblem(invite(new JsonObject().put("email", "")), 400, "EMAIL_REQUIRED", "Please enter email address");
        assertThat(web.mails(MailTemplate.RESELLER_INVITATION)).isEmpty();
        assertThat(state()).isEqualTo("none");
    }

    @Test
    void anInvalidAddressIsRefusedWithThePortalMessage() {
        assertProblem(invite(new JsonObject().put("email", "rex@@reseller")), 400, "INVALID_EMAIL", INVALID_EMAIL);
        // Not even a string: the contract refuses it, in the same words as the use case.
        assertProblem(invite(new JsonObject().put("email", 42)), 400, "INVALID_EMAIL", INVALID_EMAIL);
        assertThat(invite(new JsonObject().put("email", "rex@@reseller")).json().containsKey("errors")).isFalse();
        assertThat(web.mails(MailTemplate.RESELLER_INVITATION)).isEmpty();
    }

    @Test
    void anInvitationIsMailedToTheResellerWithAnAcceptAndAnUnsubscribeToken() {
        Instant now = web.clock.instant();

        Answer invited = invite(new JsonObject().put("email", REX));

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        JsonObject expected = new JsonObject()
                .put("state", "invited")
                .put("email", REX)
                .put("invitedAt", now.toString())
                .put("expiresAt", now.plus(Duration.ofDays(7)).toString())
                .put("notInterested", false)
                .put("offerOnDeviceRegistration", false);
        assertThat(invited.json()).isEqualTo(expected);
        assertThat(get().json()).isEqualTo(expected);
        OutgoingMail mail = web.lastMail(MailTemplate.RESELLER_INVITATION);
        assertThat(mail.to().value()).isEqualTo(REX);
        assertThat(mail.values()).containsEntry("customerName", "Ada Lovelace")
                .containsEntry("companyName", "Analytical Engines Ltd")
                .containsEntry("validDays", "7");
        assertThat(mail.values().get("acceptToken")).isNotBlank();
        assertThat(mail.values().get("unsubscribeToken")).isNotBlank().isNotEqualTo(mail.values().get("acceptToken"));
    }

    @Test
    void onlyOneResellerAddressWhileOneIsInvitedOrConnected() {
        assertThat(invite(new JsonObject().put("email", REX)).status()).isEqualTo(201);

        assertProblem(invite(new JsonObject().put("email", REX)), 409, "RESELLER_ALREADY_INVITED",
                "Your reseller has already been invited. To invite a different reseller, cancel the pending invitation first.");
        assertProblem(invite(new JsonObject().put("email", "other@reseller.example")), 409, "RESELLER_ALREADY_INVITED",
                "Your reseller has already been invited. To invite a different reseller, cancel the pending invitation first.");
        accept(acceptToken());
        assertProblem(invite(new JsonObject().put("email", "other@reseller.example")), 409, "RESELLER_ALREADY_CONNECTED",
                "You are already connected with a reseller, and you can only add one email address. To switch "
                        + "resellers, disconnect from your reseller first.");

        assertThat(web.mails(MailTemplate.RESELLER_INVITATION)).hasSize(1);
        assertThat(get().json().getString("email")).isEqualTo(REX);
    }

    @Test
    void cancellingThePendingInvitationMakesItsLinkAnErrorPageAndAllowsANewInvitation() {
        assertThat(invite(new JsonObject().put("email", REX)).status()).isEqualTo(201);
        String token = acceptToken();
        // Rex opened the invitation, and posts its button after Ada cancelled.
        assertThat(web.get(acceptPage(token)).status()).isEqualTo(200);
        advance(Duration.ofHours(2));

        Answer cancelled = web.send("DELETE", INVITATION, null, null, bearer());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
        assertThat(cancelled.json().getString("endedAt")).isEqualTo(web.clock.instant().toString());
        assertThat(cancelled.json().getBoolean("offerOnDeviceRegistration")).isTrue();
        Answer page = web.get(acceptPage(token));
        assertGone(page, "Ada Lovelace cancelled this invitation before it was accepted.");
        assertGone(accept(token), "Ada Lovelace cancelled this invitation before it was accepted.");
        assertThat(state()).isEqualTo("cancelled");
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).isEmpty();

        Answer again = web.send("DELETE", INVITATION, null, null, bearer());
        assertProblem(again, 409, "NO_PENDING_RESELLER_INVITATION", "There is no pending invitation to cancel.");
        assertThat(again.json().getString("state")).isEqualTo("cancelled");

        assertThat(invite(new JsonObject().put("email", REX)).status()).isEqualTo(201);
        assertGone(web.get(acceptPage(token)), "cancelled");
        assertThat(web.get(acceptPage(acceptToken())).status()).isEqualTo(200);
    }

    @Test
    void thereIsNoPendingInvitationToCancelBeforeOneOrOnceConnected() {
        Answer none = web.send("DELETE", INVITATION, null, null, bearer());
        assertProblem(none, 409, "NO_PENDING_RESELLER_INVITATION", "There is no pending invitation to cancel.");
        assertThat(none.json().getString("state")).isEqualTo("none");

        invite(new JsonObject().put("email", REX));
        accept(acceptToken());
        Answer connected = web.send("DELETE", INVITATION, null, null, bearer());
        assertProblem(connected, 409, "NO_PENDING_RESELLER_INVITATION", "There is no pending invitation to cancel.");
        assertThat(connected.json().getString("state")).isEqualTo("connected");
        assertThat(state()).isEqualTo("connected");
    }

    @Test
    void disconnectingNeedsAConnectedResellerAndEndsTheConnection() {
        Answer none = web.send("POST", DISCONNECT, null, null, bearer());
        assertProblem(none, 409, "NO_CONNECTED_RESELLER", "You are not connected with a reseller, so there is nothing to disconnect.");
        assertThat(none.json().getString("state")).isEqualTo("none");
        invite(new JsonObject().put("email", REX));
        String token = acceptToken();
        Answer invited = web.send("POST", DISCONNECT, null, null, bearer());
        assertProblem(invited, 409, "NO_CONNECTED_RESELLER", "You are not connected with a reseller, so there is nothing to disconnect.");
        assertThat(invited.json().getString("state")).isEqualTo("invited");
        accept(token);
        advance(Duration.ofDays(40));

        Answer disconnected = web.send("POST", DISCONNECT, null, null, bearer());

        assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(200);
        assertThat(disconnected.json().getString("state")).isEqualTo("disconnected");
        assertThat(disconnected.json().getString("endedAt")).isEqualTo(web.clock.instant().toString());
        assertThat(disconnected.json().getString("connectedAt")).isNotNull();
        assertThat(get().json()).isEqualTo(disconnected.json());
        // The old link cannot connect again: the reseller must be invited and accept again.
        assertGone(web.get(acceptPage(token)), "Ada Lovelace has since disconnected from you");
        assertGone(accept(token), "Ada Lovelace has since disconnected from you");
        assertThat(state()).isEqualTo("disconnected");
        Answer again = web.send("POST", DISCONNECT, null, null, bearer());
        assertProblem(again, 409, "NO_CONNECTED_RESELLER", "You are not connected with a reseller, so there is nothing to disconnect.");
        assertThat(again.json().getString("state")).isEqualTo("disconnected");
        assertThat(invite(new JsonObject().put("email", REX)).json().getString("state")).isEqualTo("invited");
    }

    @Test
    void notInterestedStopsTheResellerStepFromBeingOffered() {
        Answer off = put(new JsonObject().put("notInterested", true));

        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json()).isEqualTo(new JsonObject().put("state", "none").put("notInterested", true)
                .put("offerOnDeviceRegistration", false));
        assertThat(get().json()).isEqualTo(off.json());

        Answer on = put(new JsonObject().put("notInterested", false));
        assertThat(on.json()).isEqualTo(new JsonObject().put("state", "none").put("notInterested", false)
                .put("offerOnDeviceRegistration", true));

        // Not offered while a reseller is invited, whatever the setting.
        invite(new JsonObject().put("email", REX));
        assertThat(get().json().getBoolean("offerOnDeviceRegistration")).isFalse();
        web.send("DELETE", INVITATION, null, null, bearer());
        assertThat(get().json().getBoolean("offerOnDeviceRegistration")).isTrue();
        assertThat(put(new JsonObject().put("notInterested", true)).json().getBoolean("offerOnDeviceRegistration"))
                .isFalse();
    }

    @Test
    void theSettingMustBeGivenAsABoolean() {
        Answer missing = put(new JsonObject());
        Answer text = put(new JsonObject().put("notInterested", "yes"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.errors()).containsExactly(new JsonObject().put("field", "notInterested")
                .put("code", "FIELD_REQUIRED").put("message", "Please choose whether \"Not interested?\" is selected."));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errors()).containsExactly(new JsonObject().put("field", "notInterested")
                .put("code", "FIELD_INVALID").put("message", "The \"Not interested?\" setting is not valid."));
        assertThat(get().json().getBoolean("notInterested")).isFalse();
    }

    @Test
    void withoutALiveSessionTheResellerPageAsksForALogin() {
        List<Answer> refused = List.of(
                web.get(RESELLER),
                web.postJson(INVITATION, new JsonObject().put("email", REX)),
                web.send("DELETE", INVITATION, null, null),
                web.send("POST", DISCONNECT, null, null),
                web.send("PUT", SETTINGS, "application/json", new JsonObject().put("notInterested", true).encode()),
                web.send("GET", RESELLER, null, null, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertProblem(answer, 401, "NOT_AUTHENTICATED", "Please log in.");
        }
        assertThat(web.mails(MailTemplate.RESELLER_INVITATION)).isEmpty();
    }

    @Test
    void aCookieSessionMustSendTheCsrfTokenToChangeAnything() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String csrf = login.getString("csrfToken");
        String inviteBody = new JsonObject().put("email", REX).encode();
        String settingsBody = new JsonObject().put("notInterested", true).encode();

        List<Answer> forged = List.of(
                web.send("POST", INVITATION, "application/json", inviteBody, "Cookie", cookie),
                web.send("PUT", SETTINGS, "application/json", settingsBody, "Cookie", cookie),
                web.send("POST", INVITATION, "application/json", inviteBody, "Cookie", cookie, "X-CSRF-Token", "wrong"));
        for (Answer answer : forged) {
            assertProblem(answer, 403, "CSRF_TOKEN_INVALID",
                    "This request was refused to protect your account. Please reload the page and try again.");
        }
        assertThat(web.mails(MailTemplate.RESELLER_INVITATION)).isEmpty();
        Answer read = web.send("GET", RESELLER, null, null, "Cookie", cookie);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getBoolean("notInterested")).isFalse();

        assertThat(web.send("POST", INVITATION, "application/json", inviteBody, "Cookie", cookie, "X-CSRF-Token", csrf)
                .status()).isEqualTo(201);
        assertThat(web.send("DELETE", INVITATION, null, null, "Cookie", cookie).code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(state()).isEqualTo("invited");
        assertThat(web.send("DELETE", INVITATION, null, null, "Cookie", cookie, "X-CSRF-Token", csrf).status())
                .isEqualTo(200);
        invite(new JsonObject().put("email", REX));
        accept(acceptToken());
        assertThat(web.send("POST", DISCONNECT, null, null, "Cookie", cookie).code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(state()).isEqualTo("connected");
        assertThat(web.send("POST", DISCONNECT, null, null, "Cookie", cookie, "X-CSRF-Token", csrf).status())
                .isEqualTo(200);
        assertThat(web.send("PUT", SETTINGS, "application/json", settingsBody, "Cookie", cookie, "X-CSRF-Token", csrf)
                .json().getBoolean("notInterested")).isTrue();
    }

    // The reseller's accept link

    @Test
    void theAcceptLinkShowsTheCustomerAndAFormAndChangesNothing() {
        invite(new JsonObject().put("email", REX));
        String token = acceptToken();

        Answer page = web.get(acceptPage(token));
        Answer again = web.get(acceptPage(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.isPage()).isTrue();
        assertThat(page.body())
                .contains(CUSTOMER + " invites you to connect as their reseller")
                .contains("<form method=\"post\" action=\"/reseller/accept\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">")
                .contains("<button type=\"submit\">ACCEPT INVITE</button>")
                .contains("3 months (90 days) in advance", "battery needs replacing", "warranty expires",
                        "Advanced or Standard plan", "SKU of the replacement battery or warranty extension",
                        "company name, full name, email address and phone number", "free of charge",
                        "expires 7 days after it was sent");
        assertThat(again.body()).isEqualTo(page.body());
        assertThat(state()).isEqualTo("invited");
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).isEmpty();
    }

    @Test
    void acceptingConnectsAndTellsTheCustomer() {
        invite(new JsonObject().put("email", REX));
        String token = acceptToken();
        advance(Duration.ofDays(1));

        Answer accepted = accept(token);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("You are now connected with " + CUSTOMER)
                .contains("We have let Ada Lovelace know that you accepted the invitation.")
                .doesNotContain("<form");
        JsonObject reseller = get().json();
        assertThat(reseller.getString("state")).isEqualTo("connected");
        assertThat(reseller.getString("connectedAt")).isEqualTo(web.clock.instant().toString());
        assertThat(reseller.containsKey("endedAt")).isFalse();
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).singleElement()
                .satisfies(mail -> assertThat(mail.to().value()).isEqualTo(ADA));

        Answer page = web.get(acceptPage(token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You are connected with " + CUSTOMER).doesNotContain("<form");
        assertThat(accept(token).status()).as("a second click changes nothing").isEqualTo(200);
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).hasSize(1);
    }

    @Test
    void anInvitationExpiresSevenDaysAfterItWasSent() {
        invite(new JsonObject().put("email", REX));
        String token = acceptToken();
        Instant expiresAt = web.clock.instant().plus(Duration.ofDays(7));

        advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(web.get(acceptPage(token)).status()).isEqualTo(200);
        advance(Duration.ofSeconds(1));

        assertGone(web.get(acceptPage(token)), "It was not accepted within 7 days of being sent.");
        assertGone(accept(token), "It was not accepted within 7 days of being sent.");
        JsonObject reseller = get().json();
        assertThat(reseller.getString("state")).isEqualTo("expired");
        assertThat(reseller.getString("endedAt")).isEqualTo(expiresAt.toString());
        assertThat(reseller.getBoolean("offerOnDeviceRegistration")).isTrue();
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).isEmpty();
        // The customer may invite again after it expired.
        assertThat(invite(new JsonObject().put("email", REX)).status()).isEqualTo(201);
    }

    @Test
    void unknownAndIncompleteAcceptLinksGetPagesThatSayWhatToDo() {
        String hostile = "\"><script>alert(1)</script>";

        // A browser with a form of this server open, whose posts carry an unknown token or a blank one.
        invite(new JsonObject().put("email", REX));
        assertThat(web.get(acceptPage(acceptToken())).status()).isEqualTo(200);
        Answer unknown = web.get(acceptPage(hostile));
        Answer postedUnknown = web.submitForm("/reseller/accept", Map.of("token", hostile));
        Answer noToken = web.get("/reseller/accept");
        Answer blankForm = web.submitForm("/reseller/accept", Map.of("token", " "));

        for (Answer answer : List.of(unknown, postedUnknown)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.isPage()).isTrue();
            assertThat(answer.body()).contains("We could not find this invitation.", "Please open the link from the email again")
                    .doesNotContain("<script>").doesNotContain("alert(1)");
        }
        for (Answer answer : List.of(noToken, blankForm)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("This link is incomplete.", "Please open the link from the email again");
        }
    }

    @Test
    void theAcceptFormMustComeFormEncodedAndWithinTheBodyLimit() {
        invite(new JsonObject().put("email", REX));
        String token = acceptToken();

        Answer json = web.send("POST", "/reseller/accept", "application/json", new JsonObject().put("token", token).encode());
        Answer tooLarge = web.submitForm("/reseller/accept", Map.of("token", token, "padding", "x".repeat(70_000)));

        assertThat(json.status()).isEqualTo(415);
        assertThat(json.isPage()).isTrue();
        assertThat(json.body()).contains("The form could not be read.");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isPage()).isTrue();
        assertThat(state()).isEqualTo("invited");
    }

    // The reseller's unsubscribe link

    @Test
    void theUnsubscribeLinkAsksForConfirmationAndChangesNothing() {
        invite(new JsonObject().put("email", REX));
        String token = unsubscribeToken();

        Answer page = web.get(unsubscribePage(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Decline the invitation of " + CUSTOMER + "?")
                .contains("We will let Ada Lovelace know that you declined.")
                .contains("<form method=\"post\" action=\"/reseller/unsubscribe\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">")
                .contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(state()).isEqualTo("invited");
        assertThat(web.mails(MailTemplate.RESELLER_DECLINED)).isEmpty();
    }

    @Test
    void unsubscribingFromAnInvitationDeclinesItAndTellsTheCustomer() {
        invite(new JsonObject().put("email", REX));
        String accept = acceptToken();
        String token = unsubscribeToken();

        Answer declined = web.submitForm("/reseller/unsubscribe", Map.of("token", token));

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).contains("You declined the invitation of " + CUSTOMER)
                .contains("We have let Ada Lovelace know that you declined.");
        assertThat(state()).isEqualTo("declined");
        assertThat(web.mails(MailTemplate.RESELLER_DECLINED)).singleElement()
                .satisfies(mail -> assertThat(mail.to().value()).isEqualTo(ADA));
        assertGone(web.get(acceptPage(accept)), "This invitation was declined with the Unsubscribe link in the email.");

        Answer again = web.submitForm("/reseller/unsubscribe", Map.of("token", token));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("You are already unsubscribed", "You declined the invitation of " + CUSTOMER);
        Answer page = web.get(unsubscribePage(token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You are already unsubscribed").doesNotContain("<form");
        assertThat(web.mails(MailTemplate.RESELLER_DECLINED)).hasSize(1);
    }

    @Test
    void unsubscribingWhenConnectedEndsTheConnectionAndTellsTheCustomer() {
        invite(new JsonObject().put("email", REX));
        String accept = acceptToken();
        String token = unsubscribeToken();
        accept(accept);

        Answer page = web.get(unsubscribePage(token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from the emails about " + CUSTOMER + "?")
                .contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(state()).isEqualTo("connected");

        Answer unsubscribed = web.submitForm("/reseller/unsubscribe", Map.of("token", token));

        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("You are unsubscribed")
                .contains("Your connection with " + CUSTOMER + " has ended", "We have let Ada Lovelace know.");
        assertThat(state()).isEqualTo("unsubscribed");
        assertThat(web.mails(MailTemplate.RESELLER_UNSUBSCRIBED)).singleElement()
                .satisfies(mail -> assertThat(mail.to().value()).isEqualTo(ADA));
        assertGone(web.get(acceptPage(accept)), "You unsubscribed from the emails about " + CUSTOMER);
        assertThat(get().json().getBoolean("offerOnDeviceRegistration")).isTrue();
    }

    @Test
    void afterTheCustomerDisconnectedUnsubscribingSaysItIsOverAlready() {
        invite(new JsonObject().put("email", REX));
        String token = unsubscribeToken();
        accept(acceptToken());
        web.send("POST", DISCONNECT, null, null, bearer());

        Answer answer = web.submitForm("/reseller/unsubscribe", Map.of("token", token));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("You are already unsubscribed", "Ada Lovelace has disconnected from you.");
        assertThat(state()).isEqualTo("disconnected");
        assertThat(web.mails(MailTemplate.RESELLER_UNSUBSCRIBED)).isEmpty();
    }

    @Test
    void aButtonsPostWithoutThisBrowsersFormTokenIsRefusedAndChangesNothing() {
        invite(new JsonObject().put("email", REX));
        String accept = acceptToken();
        String unsubscribe = unsubscribeToken();
        String anothersToken = anotherBrowsersFormToken(acceptPage(accept));

        List<Answer> refused = List.of(web.postForm("/reseller/accept", Map.of("token", accept)),
                web.submitForm("/reseller/accept", Map.of("token", accept, "csrf", anothersToken)),
                web.postForm("/reseller/unsubscribe", Map.of("token", unsubscribe)),
                web.submitForm("/reseller/unsubscribe", Map.of("token", unsubscribe, "csrf", anothersToken)));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.isPage()).isTrue();
            assertThat(answer.body()).doesNotContain(accept).doesNotContain(unsubscribe);
        }
        assertThat(state()).isEqualTo("invited");
        assertThat(web.mails(MailTemplate.RESELLER_ACCEPTED)).isEmpty();
        assertThat(web.mails(MailTemplate.RESELLER_DECLINED)).isEmpty();
        assertThat(accept(accept).status()).as("the page's own button still works").isEqualTo(200);
        assertThat(state()).isEqualTo("connected");
    }

    /** The {@code csrf} field another browser (another form cookie) finds on the page at {@code path}. */
    private String anotherBrowsersFormToken(String path) {
        String token = WebApiFixture.csrfOf(web.send("GET", path, null, null,
                "Cookie", WebApiFixture.FORM_COOKIE + "=" + "another-browser-".repeat(3)));
        assertThat(token).isNotNull();
        return token;
    }

    @Test
    void aMailClientUnsubscribesInOneClickWithTheTokenInTheQueryString() {
        invite(new JsonObject().put("email", REX));
        String token = unsubscribeToken();

        Answer oneClick = web.send("POST", unsubscribePage(token), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");

        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You declined the invitation of " + CUSTOMER);
        assertThat(state()).isEqualTo("declined");
        assertThat(web.mails(MailTemplate.RESELLER_DECLINED)).hasSize(1);
    }

    @Test
    void aOneClickUnsubscribeMayComeAsMultipartFormData() {
        invite(new JsonObject().put("email", REX));
        String token = unsubscribeToken();
        accept(acceptToken());
        String boundary = "----smartconnect-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                + "One-Click\r\n"
                + "--" + boundary + "--\r\n";

        Answer oneClick = web.send("POST", unsubscribePage(token), "multipart/form-data; boundary=" + boundary, body);

        assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(state()).isEqualTo("unsubscribed");
        assertThat(web.mails(MailTemplate.RESELLER_UNSUBSCRIBED)).hasSize(1);
    }

    @Test
    void unknownAndIncompleteUnsubscribeLinksGetPagesThatSayWhatToDo() {
        invite(new JsonObject().put("email", REX));

        assertThat(web.get(unsubscribePage(unsubscribeToken())).status()).isEqualTo(200);
        Answer unknown = web.get(unsubscribePage("not-a-token"));
        Answer postedUnknown = web.submitForm("/reseller/unsubscribe", Map.of("token", "not-a-token"));
        Answer oneClickUnknown = web.send("POST", unsubscribePage("not-a-token"), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        // The accept token does not unsubscribe: each link has one purpose.
        Answer acceptTokenInstead = web.submitForm("/reseller/unsubscribe", Map.of("token", acceptToken()));
        Answer noToken = web.send("POST", "/reseller/unsubscribe", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        Answer json = web.send("POST", unsubscribePage(unsubscribeToken()), "application/json", "{}");

        for (Answer answer : List.of(unknown, postedUnknown, oneClickUnknown, acceptTokenInstead)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("We could not find this unsubscribe link.")
                    .doesNotContain("not-a-token");
        }
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.body()).contains("This link is incomplete.");
        assertThat(web.get("/reseller/unsubscribe").status()).isEqualTo(400);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.isPage()).isTrue();
        assertThat(state()).isEqualTo("invited");
        // Nor does the unsubscribe token accept.
        assertThat(accept(unsubscribeToken()).status()).isEqualTo(404);
    }

    @Test
    void aFailureOnAResellerPageIsAPageAndTheTokenStaysOutOfTheLog() throws Exception {
        String secret = "s3cret-link-token";
        ResellerLinkUseCase failing = new ResellerLinkUseCase() {
            @Override
            public Optional<ResellerLink> invitation(String acceptToken) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<ResellerLink> accept(String acceptToken) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<ResellerLink> subscription(String unsubscribeToken) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<ResellerLink> unsubscribe(String unsubscribeToken) {
                throw new IllegalStateException("database down");
            }
        };
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger(LinkPages.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (WebApiFixture broken = WebApiFixture.start(new VertxOptions(), useCases -> new HttpApi.UseCases(
                useCases.signUp(), useCases.verify(), useCases.resend(), useCases.registrationStatus(), useCases.logIn(),
                useCases.logOut(), useCases.authenticate(), useCases.profile(), useCases.requestPasswordReset(),
                useCases.resetPassword(), useCases.passwordResetLink(), useCases.changePassword(),
                useCases.deleteAccount(), useCases.inviteCoworker(), useCases.coworkerInvitations(),
                useCases.cancelCoworkerInvitation(), useCases.invitationLookup(), useCases.updateProfile(),
                useCases.requestEmailChange(), useCases.confirmEmailChange(), useCases.completeLogIn(),
                useCases.sendTwoFactorCode(), useCases.twoFactor(), useCases.startTwoFactorEnrolment(),
                useCases.confirmTwoFactorEnrolment(), useCases.disableTwoFactor(), useCases.reseller(),
                useCases.inviteReseller(), useCases.manageReseller(), failing, useCases.plans(),
                useCases.changePlan()), List.of())) {

            List<Answer> answers = List.of(
                    broken.get(acceptPage(secret)),
                    broken.get(unsubscribePage(secret)),
                    broken.send("POST", unsubscribePage(secret), "application/x-www-form-urlencoded",
                            "List-Unsubscribe=One-Click"),
                    broken.send("POST", "/reseller/unsubscribe", "application/x-www-form-urlencoded",
                            "List-Unsubscribe=One-Click&token=" + WebApiFixture.urlEncoded(secret)));
            // The accept page failed, so the browser has no form token: its post is refused before any use case.
            Answer accept = broken.submitForm("/reseller/accept", Map.of("token", secret));
            assertThat(accept.status()).isEqualTo(403);
            assertThat(accept.body()).doesNotContain(secret);

            for (Answer answer : answers) {
                assertThat(answer.status()).isEqualTo(500);
                assertThat(answer.isPage()).isTrue();
                assertThat(answer.body()).contains("Something went wrong on our side.").doesNotContain("database down")
                        .doesNotContain(secret);
            }
        } finally {
            logger.removeHandler(capture);
        }
        synchronized (records) {
            assertThat(records).as("the failures are logged").hasSizeGreaterThanOrEqualTo(4);
            for (LogRecord record : records) {
                assertThat(record.getMessage()).contains("/reseller/").doesNotContain(secret);
            }
        }
    }

    @Test
    void thePublishedContractListsTheResellerOperationsAndPages() {
        String document = web.get("/api/openapi.yaml").body();

        assertThat(document).contains("operationId: getReseller", "operationId: inviteReseller",
                "operationId: cancelResellerInvitation", "operationId: disconnectReseller",
                "operationId: updateResellerSettings", "operationId: getResellerAcceptPage",
                "operationId: submitResellerAcceptPage", "operationId: getResellerUnsubscribePage",
                "operationId: submitResellerUnsubscribePage", "RESELLER_ALREADY_INVITED", "RESELLER_ALREADY_CONNECTED",
                "NO_PENDING_RESELLER_INVITATION", "NO_CONNECTED_RESELLER", "List-Unsubscribe=One-Click");
    }

    /** Moves the clock, and logs Ada in again: her session would not outlive days of idleness. */
    private void advance(Duration by) {
        web.clock.advance(by);
        Answer login = web.logIn(ADA, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        ada = login.json().getString("token");
    }

    private String[] bearer() {
        return new String[] {"Authorization", "Bearer " + ada};
    }

    private Answer get() {
        return web.send("GET", RESELLER, null, null, bearer());
    }

    private String state() {
        Answer page = get();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().getString("state");
    }

    private Answer invite(JsonObject body) {
        return web.send("POST", INVITATION, "application/json", body.encode(), bearer());
    }

    private Answer put(JsonObject body) {
        return web.send("PUT", SETTINGS, "application/json", body.encode(), bearer());
    }

    private Answer accept(String token) {
        return web.submitForm("/reseller/accept", Map.of("token", token));
    }

    private String acceptToken() {
        return web.lastMail(MailTemplate.RESELLER_INVITATION).values().get("acceptToken");
    }

    private String unsubscribeToken() {
        return web.lastMail(MailTemplate.RESELLER_INVITATION).values().get("unsubscribeToken");
    }

    private static String acceptPage(String token) {
        return "/reseller/accept?token=" + WebApiFixture.urlEncoded(token);
    }

    private static String unsubscribePage(String token) {
        return "/reseller/unsubscribe?token=" + WebApiFixture.urlEncoded(token);
    }

    /** The 410 page of an invitation that can no longer be accepted, with the reason it gives. */
    private static void assertGone(Answer answer, String reason) {
        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.isPage()).isTrue();
        assertThat(answer.body()).contains("<h1>" + EXPIRED + "</h1>", reason, INVITE_AGAIN).doesNotContain("<form");
    }

    private static void assertProblem(Answer answer, int status, String code, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.json().getString("detail")).isEqualTo(detail);
    }
}
