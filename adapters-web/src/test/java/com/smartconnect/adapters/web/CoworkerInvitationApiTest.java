package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoworkerInvitationApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String GRACE = "grace@example.com";
    private static final String INVITATIONS = "/api/v1/company/invitations";
    private static final String INVALID_EMAIL = "You have entered an invalid email address. Please re-enter the email address.";
    private static final String ALREADY_INVITED =
            "This co-worker has already been invited to the portal. Please invite another co-worker.";

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

    private Answer invite(String token, JsonObject body) {
        return web.send("POST", INVITATIONS, "application/json", body.encode(), "Authorization", "Bearer " + token);
    }

    private Answer list(String token) {
        return web.send("GET", INVITATIONS, null, null, "Authorization", "Bearer " + token);
    }

    private Answer cancel(String token, String invitationId) {
        return web.send("DELETE", INVITATIONS + "/" + invitationId, null, null, "Authorization", "Bearer " + token);
    }

    /** Ada invites {@code email}; returns the invitation id. */
    private String invited(String email) {
        Answer answer = invite(ada, new JsonObject().put("email", email));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().getString("id");
    }

    /** The token of the last invitation mail. */
    private String lastInvitationToken() {
        List<OutgoingMail> mails = web.mails(MailTemplate.COWORKER_INVITATION);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1).values().get("token");
    }

    /** Grace's sign-up with the invitation {@code token} and without a company page. */
    private static JsonObject invitedSignUp(String token) {
        JsonObject body = WebApiFixture.validSignUp().put("email", GRACE).put("firstName", "Grace")
                .put("invitationToken", token);
        body.remove("company");
        return body;
    }

    private static void assertProblem(Answer answer, int status, String code, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.json().getString("detail")).isEqualTo(detail);
    }

    @Test
    void aMissingOrEmptyAddressIsRequiredWithThePortalMessage() {
        Answer missing = invite(ada, new JsonObject());
        Answer empty = invite(ada, new JsonObject().put("email", ""));

        assertProblem(missing, 400, "EMAIL_REQUIRED", "Please enter email address");
        assertProblem(empty, 400, "EMAIL_REQUIRED", "Please enter email address");
        assertThat(missing.json().containsKey("errors")).isFalse();
        assertThat(web.mails(MailTemplate.COWORKER_INVITATION)).isEmpty();
    }

    @Test
    void anInvalidAddressIsRefusedWithThePortalMessage() {
        assertProblem(invite(ada, new JsonObject().put("email", "grace@@example")), 400, "INVALID_EMAIL", INVALID_EMAIL);
        // Not even a string: the contract refuses it, in the same words as the use case.
        assertProblem(invite(ada, new JsonObject().put("email", 42)), 400, "INVALID_EMAIL", INVALID_EMAIL);
        assertThat(web.mails(MailTemplate.COWORKER_INVITATION)).isEmpty();
    }

    @Test
    void anInvitationIsSentOnceAndListedAsPending() {
        Instant now = web.clock.instant();

        Answer sent = invite(ada, new JsonObject().put("email", GRACE));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonObject body = sent.json();
        String id = body.getString("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(body).isEqualTo(new JsonObject()
                .put("id", id)
                .put("email", GRACE)
                .put("status", "pending")
                .put("createdAt", now.toString())
                .put("expiresAt", now.plus(Duration.ofDays(7)).toString())
                .put("title", "Invitation Sent")
                .put("message", "Your invitation was sent."));
        assertThat(web.outbox.last().to().value()).isEqualTo(GRACE);
        assertThat(web.outbox.last().template()).isEqualTo(MailTemplate.COWORKER_INVITATION);

        assertProblem(invite(ada, new JsonObject().put("email", GRACE)), 409, "ALREADY_INVITED", ALREADY_INVITED);
        assertProblem(invite(ada, new JsonObject().put("email", ADA)), 409, "ALREADY_INVITED", ALREADY_INVITED);

        Answer listed = list(ada);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().getJsonArray("invitations")).hasSize(1);
        assertThat(listed.json().getJsonArray("invitations").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("id", id)
                .put("email", GRACE)
                .put("status", "pending")
                .put("createdAt", now.toString())
                .put("expiresAt", now.plus(Duration.ofDays(7)).toString()));
    }

    @Test
    void theInviteeSignsUpWithTheMailedTokenAndJoinsTheInvitingCompany() {
        invited(GRACE);
        String token = lastInvitationToken();

        Answer offer = web.get("/api/v1/coworker-invitations/" + token);
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        assertThat(offer.json().getString("email")).isEqualTo(GRACE);
        assertThat(offer.json().getString("companyName")).isEqualTo("Analytical Engines Ltd");
        assertThat(Instant.parse(offer.json().getString("expiresAt"))).isEqualTo(web.clock.instant().plus(Duration.ofDays(7)));

        String registrationId = web.signUp(invitedSignUp(token));
        Answer verified = web.postJson("/api/v1/registrations/" + registrationId + "/verification",
                new JsonObject().put("code", web.lastCode()));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);

        String grace = web.logIn(GRACE, PASSWORD).json().getString("token");
        JsonObject adaSees = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + ada).json();
        Answer graceSees = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + grace);
        assertThat(graceSees.status()).as(graceSees.body()).isEqualTo(200);
        assertThat(graceSees.json().getString("email")).isEqualTo(GRACE);
        assertThat(graceSees.json().getJsonObject("company")).isEqualTo(adaSees.getJsonObject("company"));
        assertThat(web.companies.size()).isEqualTo(1);

        assertThat(list(ada).json().getJsonArray("invitations").getJsonObject(0).getString("status")).isEqualTo("accepted");
        assertThat(list(grace).json().getJsonArray("invitations").getJsonObject(0).getString("status")).isEqualTo("accepted");
        assertProblem(web.get("/api/v1/coworker-invitations/" + token), 410, "INVITATION_EXPIRED",
                "This invitation has expired.");
    }

    @Test
    void aSignUpWithTheTokenNeedsTheInvitedAddress() {
        invited(GRACE);

        Answer answer = web.postJson("/api/v1/registrations",
                invitedSignUp(lastInvitationToken()).put("email", "someone.else@example.com"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.errors()).extracting(e -> e.getString("field"), e -> e.getString("code"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "INVITATION_EMAIL_MISMATCH"));
    }

    @Test
    void aCancelledInvitationNoLongerLetsAnyoneSignUp() {
        String id = invited(GRACE);
        String token = lastInvitationToken();

        Answer cancelled = cancel(ada, id);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
        Answer signUp = web.postJson("/api/v1/registrations", invitedSignUp(token));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(400);
        assertThat(signUp.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(signUp.errors()).containsExactly(new JsonObject().put("field", "invitationToken")
                .put("code", "INVITATION_EXPIRED").put("message", "This invitation has expired."));
        assertProblem(web.get("/api/v1/coworker-invitations/" + token), 410, "INVITATION_EXPIRED",
                "This invitation has expired.");
        assertProblem(web.get("/api/v1/coworker-invitations/not-a-token"), 410, "INVITATION_EXPIRED",
                "This invitation has expired.");
        assertThat(list(ada).json().getJsonArray("invitations").getJsonObject(0).getString("status")).isEqualTo("cancelled");
        assertProblem(cancel(ada, id), 409, "INVITATION_NOT_PENDING",
                "This invitation was already used, cancelled or has expired.");
        // Ada may invite Grace again once the first invitation is withdrawn.
        assertThat(invite(ada, new JsonObject().put("email", GRACE)).status()).isEqualTo(201);
    }

    @Test
    void anInvitationCancelledBetweenSignUpAndCodeStopsTheVerification() {
        String id = invited(GRACE);
        String registrationId = web.signUp(invitedSignUp(lastInvitationToken()));
        String code = web.lastCode();
        assertThat(cancel(ada, id).status()).isEqualTo(204);

        Answer verified = web.postJson("/api/v1/registrations/" + registrationId + "/verification",
                new JsonObject().put("code", code));

        assertProblem(verified, 410, "INVITATION_EXPIRED", "This invitation has expired.");
        assertThat(web.logIn(GRACE, PASSWORD).status()).isNotEqualTo(201);
    }

    @Test
    void anotherCompanyCannotSeeOrCancelTheInvitation() {
        String id = invited(GRACE);
        web.verifiedAccount("bob@example.com", "Bob");
        String bob = web.logIn("bob@example.com", PASSWORD).json().getString("token");

        Answer notFound = cancel(bob, id);

        assertProblem(notFound, 404, "INVITATION_NOT_FOUND", "This invitation does not exist.");
        assertThat(list(bob).json().getJsonArray("invitations")).isEmpty();
        assertThat(list(ada).json().getJsonArray("invitations").getJsonObject(0).getString("status")).isEqualTo("pending");
        assertThat(cancel(ada, UUID.randomUUID().toString()).code()).isEqualTo("INVITATION_NOT_FOUND");
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1")) {
            Answer answer = cancel(ada, malformed);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("INVITATION_NOT_FOUND");
        }
    }

    @Test
    void withoutALiveSessionTheInvitationsAskForALogin() {
        String id = invited(GRACE);

        List<Answer> refused = List.of(
                web.postJson(INVITATIONS, new JsonObject().put("email", "bob@example.com")),
                web.get(INVITATIONS),
                web.send("DELETE", INVITATIONS + "/" + id, null, null),
                web.send("GET", INVITATIONS, null, null, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertProblem(answer, 401, "NOT_AUTHENTICATED", "Please log in.");
        }
        assertThat(web.mails(MailTemplate.COWORKER_INVITATION)).hasSize(1);
    }

    @Test
    void aCookieSessionMustSendTheCsrfTokenToInviteOrCancel() {
        String id = invited(GRACE);
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String csrf = login.getString("csrfToken");
        String body = new JsonObject().put("email", "bob@example.com").encode();

        Answer inviteWithout = web.send("POST", INVITATIONS, "application/json", body, "Cookie", cookie);
        Answer cancelWithout = web.send("DELETE", INVITATIONS + "/" + id, null, null, "Cookie", cookie);

        for (Answer answer : List.of(inviteWithout, cancelWithout)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("CSRF_TOKEN_INVALID");
        }
        assertThat(web.mails(MailTemplate.COWORKER_INVITATION)).hasSize(1);
        assertThat(web.send("GET", INVITATIONS, null, null, "Cookie", cookie).status()).isEqualTo(200);
        assertThat(web.send("POST", INVITATIONS, "application/json", body, "Cookie", cookie, "X-CSRF-Token", csrf)
                .status()).isEqualTo(201);
        assertThat(web.send("DELETE", INVITATIONS + "/" + id, null, null, "Cookie", cookie, "X-CSRF-Token", csrf)
                .status()).isEqualTo(204);
    }
}
