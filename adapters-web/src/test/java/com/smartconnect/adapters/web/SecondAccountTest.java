package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * No endpoint lets one user read or change another user's data: Bob tries every protected operation of the contract
 * with his own session, aimed at Ada wherever an operation takes an id or an address, and Ada's profile, invitations,
 * session and password are exactly as before. A protected operation added to the contract fails this test until it is
 * tried here too.
 */
class SecondAccountTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String BOBS_NEW_PASSWORD = "Mall0ry#Password";
    private static final String ADA = "ada@example.com";
    private static final String BOB = "bob@example.com";

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private String loggedIn(String email, String password) {
        Answer login = web.logIn(email, password);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    private Answer as(String token, String method, String path, JsonObject body) {
        return web.send(method, path, body == null ? null : "application/json", body == null ? null : body.encode(),
                "Authorization", "Bearer " + token);
    }

    @Test
    void bobTriesEveryProtectedOperationAndAdaIsUntouched() throws Exception {
        web.verifiedAccount(ADA, "Ada");
        String ada = loggedIn(ADA, PASSWORD);
        as(ada, "PATCH", "/api/v1/me", new JsonObject().put("phone", "+44 20 7946 0958").put("jobRole", "Head of IT"));
        Answer invited = as(ada, "POST", "/api/v1/company/invitations", new JsonObject().put("email", "grace@example.com"));
        assertThat(invited.status()).isEqualTo(201);
        String adasInvitation = invited.json().getString("id");
        JsonObject adaBefore = as(ada, "GET", "/api/v1/me", null).json();
        JsonObject adasInvitationsBefore = as(ada, "GET", "/api/v1/company/invitations", null).json();

        web.verifiedAccount(BOB, "Bob");
        String bob = loggedIn(BOB, PASSWORD);
        Map<String, Answer> tried = new LinkedHashMap<>();
        tried.put("getMe", as(bob, "GET", "/api/v1/me", null));
        tried.put("updateMe", as(bob, "PATCH", "/api/v1/me", new JsonObject().put("firstName", "Mallory")
                .put("phone", "+1 555 0100 999").put("company", WebApiFixture.validSignUp().getJsonObject("company")
                        .copy().put("name", "Mallory Holdings"))));
        tried.put("changePassword", as(bob, "PUT", "/api/v1/me/password",
                new JsonObject().put("currentPassword", PASSWORD).put("newPassword", BOBS_NEW_PASSWORD)));
        tried.put("requestEmailChange", as(bob, "POST", "/api/v1/me/email",
                new JsonObject().put("password", BOBS_NEW_PASSWORD).put("newEmail", ADA)));
        tried.put("confirmEmailChange", as(bob, "POST", "/api/v1/me/email/verification",
                new JsonObject().put("code", "000000")));
        tried.put("inviteCoworker", as(bob, "POST", "/api/v1/company/invitations", new JsonObject().put("email", ADA)));
        tried.put("listCoworkerInvitations", as(bob, "GET", "/api/v1/company/invitations", null));
        tried.put("cancelCoworkerInvitation", as(bob, "DELETE", "/api/v1/company/invitations/" + adasInvitation, null));
        tried.put("logOut", as(bob, "DELETE", "/api/v1/sessions/current", null));
        String bobAgain = loggedIn(BOB, BOBS_NEW_PASSWORD);
        tried.put("deleteMe", as(bobAgain, "DELETE", "/api/v1/me", new JsonObject().put("password", BOBS_NEW_PASSWORD)));

        assertThat(new TreeSet<>(tried.keySet())).as("every protected operation of the contract is tried")
                .isEqualTo(protectedOperations());
        assertThat(tried.get("getMe").json().getString("email")).isEqualTo(BOB);
        assertThat(tried.get("updateMe").json().getString("firstName")).isEqualTo("Mallory");
        assertThat(tried.get("confirmEmailChange").code()).as("Ada's address is never Bob's").isEqualTo("CODE_INCORRECT");
        assertThat(tried.get("listCoworkerInvitations").body()).doesNotContain(adasInvitation, "grace@example.com");
        assertThat(tried.get("cancelCoworkerInvitation").status()).isEqualTo(404);
        assertThat(tried.get("deleteMe").status()).isEqualTo(204);

        assertThat(as(ada, "GET", "/api/v1/me", null).json()).as("Ada's profile and company").isEqualTo(adaBefore);
        assertThat(as(ada, "GET", "/api/v1/company/invitations", null).json()).isEqualTo(adasInvitationsBefore);
        assertThat(web.logIn(ADA, PASSWORD).status()).as("Ada's password").isEqualTo(201);
    }

    /** The operationIds of the contract that need a session. */
    @SuppressWarnings("unchecked")
    private static Set<String> protectedOperations() throws Exception {
        try (InputStream contract = SecondAccountTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(contract);
            Set<String> operations = new TreeSet<>();
            ((Map<String, Map<String, Object>>) document.get("paths")).values().forEach(path -> path.forEach((method, op) -> {
                if (op instanceof Map<?, ?> operation && operation.get("security") instanceof java.util.List<?> security
                        && !security.isEmpty()) {
                    operations.add((String) operation.get("operationId"));
                }
            }));
            assertThat(operations).isNotEmpty();
            return operations;
        }
    }
}
