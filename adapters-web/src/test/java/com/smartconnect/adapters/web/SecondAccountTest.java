package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.adapters.web.WebApiFixture.BinaryAnswer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.twofactor.Totp;
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
 * with his own session, aimed at Ada wherever an operation takes an id, an address or a code, and Ada's profile,
 * invitations, reseller, two-factor authentication, session and password are exactly as before. A protected operation added to the contract fails this test until it is
 * tried here too.
 */
class SecondAccountTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String BOBS_NEW_PASSWORD = "Mall0ry#Password";
    private static final String ADA = "ada@example.com";
    private static final String BOB = "bob@example.com";
    private static final String ADAS_UPS = "AS2104123456";

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

    @Test
    void bobTriesEveryProtectedOperationAndAdaIsUntouched() throws Exception {
        web.verifiedAccount(ADA, "Ada");
        String ada = loggedIn(ADA, PASSWORD);
        web.as(ada, "PATCH", "/api/v1/me", new JsonObject().put("phone", "+44 20 7946 0958").put("jobRole", "Head of IT"));
        Answer invited = web.as(ada, "POST", "/api/v1/company/invitations", new JsonObject().put("email", "grace@example.com"));
        assertThat(invited.status()).isEqualTo(201);
        String adasInvitation = invited.json().getString("id");
        // Ada has an authenticator app: Bob's two-factor requests must neither see nor change it.
        String adasSecret = web.as(ada, "POST", "/api/v1/me/two-factor/enrolment", new JsonObject().put("method", "TOTP"))
                .json().getString("secret");
        Answer adaEnabled = web.as(ada, "POST", "/api/v1/me/two-factor/enrolment/confirmation",
                new JsonObject().put("code", web.totpNow(adasSecret)));
        assertThat(adaEnabled.status()).as(adaEnabled.body()).isEqualTo(200);
        // Ada is connected with her reseller and not interested in the Reseller step: Bob's reseller requests must
        // neither see nor end that connection, nor change her setting.
        assertThat(web.as(ada, "POST", "/api/v1/reseller/invitation", new JsonObject().put("email", "rex@reseller.example"))
                .status()).isEqualTo(201);
        String adasAcceptToken = web.lastMail(MailTemplate.RESELLER_INVITATION).values().get("acceptToken");
        assertThat(web.submitForm("/reseller/accept", Map.of("token", adasAcceptToken)).status()).isEqualTo(200);
        web.as(ada, "PUT", "/api/v1/reseller/settings", new JsonObject().put("notInterested", true));
        JsonObject adasResellerBefore = web.as(ada, "GET", "/api/v1/reseller", null).json();
        assertThat(adasResellerBefore.getString("state")).isEqualTo("connected");
        assertThat(adasResellerBefore.getBoolean("notInterested")).isTrue();
        // Ada owns a UPS with a name, a pending sensitivity command and an event.
        web.connectedDevice(ADAS_UPS);
        assertThat(web.as(ada, "POST", "/api/v1/devices", new JsonObject().put("productId", ADAS_UPS)
                .put("productKey", WebApiFixture.PRODUCT_KEY)).status()).isEqualTo(201);
        web.as(ada, "PATCH", "/api/v1/devices/" + ADAS_UPS, new JsonObject().put("name", "Ada's rack"));
        String adasCommand = web.as(ada, "PUT", "/api/v1/devices/" + ADAS_UPS + "/sensitivity",
                new JsonObject().put("sensitivity", "HIGH")).json().getString("commandId");
        web.deviceEvents.add(com.smartconnect.domain.device.DeviceEvent.reported(
                new com.smartconnect.domain.device.ProductId(ADAS_UPS), "e1", "ON_BATTERY", web.clock.instant(),
                web.clock.instant(), "{}"));
        String adasNotification = web.notifications.add(ADAS_UPS, ADA).toString();
        web.notifications.disable(ADAS_UPS, web.clock.instant().plusSeconds(3600));
        JsonObject adasNotificationsBefore = web.as(ada, "GET", "/api/v1/devices/" + ADAS_UPS + "/notifications", null)
                .json();
        JsonObject adasDeviceBefore = web.as(ada, "GET", "/api/v1/devices/" + ADAS_UPS, null).json();
        JsonObject adaBefore = web.as(ada, "GET", "/api/v1/me", null).json();
        JsonObject adasInvitationsBefore = web.as(ada, "GET", "/api/v1/company/invitations", null).json();
        JsonObject adasTwoFactorBefore = web.as(ada, "GET", "/api/v1/me/two-factor", null).json();
        web.clock.advance(Totp.STEP);
        String adasCodeNow = web.totpNow(adasSecret);

        web.verifiedAccount(BOB, "Bob");
        String bob = loggedIn(BOB, PASSWORD);
        Map<String, Answer> tried = new LinkedHashMap<>();
        tried.put("getMe", web.as(bob, "GET", "/api/v1/me", null));
        tried.put("updateMe", web.as(bob, "PATCH", "/api/v1/me", new JsonObject().put("firstName", "Mallory")
                .put("phone", "+1 555 0100 999").put("company", WebApiFixture.validSignUp().getJsonObject("company")
                        .copy().put("name", "Mallory Holdings"))));
        tried.put("changePassword", web.as(bob, "PUT", "/api/v1/me/password",
                new JsonObject().put("currentPassword", PASSWORD).put("newPassword", BOBS_NEW_PASSWORD)));
        tried.put("requestEmailChange", web.as(bob, "POST", "/api/v1/me/email",
                new JsonObject().put("password", BOBS_NEW_PASSWORD).put("newEmail", ADA)));
        tried.put("confirmEmailChange", web.as(bob, "POST", "/api/v1/me/email/verification",
                new JsonObject().put("code", "000000")));
        tried.put("getTwoFactor", web.as(bob, "GET", "/api/v1/me/two-factor", null));
        tried.put("startTwoFactorEnrolment", web.as(bob, "POST", "/api/v1/me/two-factor/enrolment",
                new JsonObject().put("method", "TOTP")));
        BinaryAnswer bobsQrCode = web.getBytes("/api/v1/me/two-factor/enrolment/qr-code", "Authorization", "Bearer " + bob);
        tried.put("getTwoFactorQrCode", bobsQrCode.asText());
        tried.put("confirmTwoFactorEnrolment", web.as(bob, "POST", "/api/v1/me/two-factor/enrolment/confirmation",
                new JsonObject().put("code", adasCodeNow)));
        tried.put("sendTwoFactorCode", web.as(bob, "POST", "/api/v1/me/two-factor/code", null));
        tried.put("disableTwoFactor", web.as(bob, "DELETE", "/api/v1/me/two-factor",
                new JsonObject().put("password", BOBS_NEW_PASSWORD).put("code", adasCodeNow)));
        tried.put("inviteCoworker", web.as(bob, "POST", "/api/v1/company/invitations", new JsonObject().put("email", ADA)));
        tried.put("listCoworkerInvitations", web.as(bob, "GET", "/api/v1/company/invitations", null));
        tried.put("cancelCoworkerInvitation", web.as(bob, "DELETE", "/api/v1/company/invitations/" + adasInvitation, null));
        tried.put("getReseller", web.as(bob, "GET", "/api/v1/reseller", null));
        tried.put("cancelResellerInvitation", web.as(bob, "DELETE", "/api/v1/reseller/invitation", null));
        tried.put("disconnectReseller", web.as(bob, "POST", "/api/v1/reseller/disconnect", null));
        tried.put("updateResellerSettings", web.as(bob, "PUT", "/api/v1/reseller/settings",
                new JsonObject().put("notInterested", false)));
        tried.put("inviteReseller", web.as(bob, "POST", "/api/v1/reseller/invitation",
                new JsonObject().put("email", "rex@reseller.example")));
        String adasDevice = "/api/v1/devices/" + ADAS_UPS;
        tried.put("registerDevice", web.as(bob, "POST", "/api/v1/devices", new JsonObject().put("productId", ADAS_UPS)
                .put("productKey", WebApiFixture.PRODUCT_KEY)));
        tried.put("registerDeviceByLabelPhoto", web.postPhoto("/api/v1/devices/label-photo",
                WebApiFixture.qrPng(WebApiFixture.qrUrl(ADAS_UPS)), "image/png", "Authorization", "Bearer " + bob));
        tried.put("listDevices", web.as(bob, "GET", "/api/v1/devices", null));
        tried.put("getDevice", web.as(bob, "GET", adasDevice, null));
        tried.put("updateDevice", web.as(bob, "PATCH", adasDevice, new JsonObject().put("name", "Mallory's now")));
        tried.put("setDeviceSensitivity", web.as(bob, "PUT", adasDevice + "/sensitivity",
                new JsonObject().put("sensitivity", "LOW")));
        tried.put("getDeviceEvents", web.as(bob, "GET", adasDevice + "/events", null));
        tried.put("getDeviceHistory", web.as(bob, "GET", adasDevice + "/history?range=7d", null));
        tried.put("exportDeviceEvents", web.as(bob, "GET", adasDevice + "/events.csv", null));
        tried.put("getDeviceCommand", web.as(bob, "GET", adasDevice + "/commands/" + adasCommand, null));
        tried.put("rebootOutletGroup", web.as(bob, "POST", adasDevice + "/outlet-groups/SOG1/reboot", null));
        tried.put("getNotificationSettings", web.as(bob, "GET", adasDevice + "/notifications", null));
        tried.put("createNotification", web.as(bob, "POST", adasDevice + "/notifications", new JsonObject()
                .put("recipients", new io.vertx.core.json.JsonArray().add(BOB))
                .put("severities", new io.vertx.core.json.JsonArray().add("INFO"))));
        tried.put("updateNotification", web.as(bob, "PUT", adasDevice + "/notifications/" + adasNotification,
                new JsonObject().put("recipients", new io.vertx.core.json.JsonArray().add(BOB))
                        .put("severities", new io.vertx.core.json.JsonArray().add("INFO"))));
        tried.put("enableNotifications", web.as(bob, "POST", adasDevice + "/notifications/enable", null));
        tried.put("deleteNotification", web.as(bob, "DELETE", adasDevice + "/notifications/" + adasNotification, null));
        tried.put("getDeviceLifecycle", web.as(bob, "GET", adasDevice + "/lifecycle", null));
        tried.put("sendLifecycleReminder", web.as(bob, "POST", adasDevice + "/lifecycle/battery/reminder", null));
        tried.put("unregisterDevice", web.as(bob, "DELETE", adasDevice, null));
        tried.put("logOut", web.as(bob, "DELETE", "/api/v1/sessions/current", null));
        String bobAgain = loggedIn(BOB, BOBS_NEW_PASSWORD);
        tried.put("deleteMe", web.as(bobAgain, "DELETE", "/api/v1/me", new JsonObject().put("password", BOBS_NEW_PASSWORD)));

        assertThat(new TreeSet<>(tried.keySet())).as("every protected operation of the contract is tried")
                .isEqualTo(protectedOperations());
        assertThat(tried.get("getMe").json().getString("email")).isEqualTo(BOB);
        assertThat(tried.get("updateMe").json().getString("firstName")).isEqualTo("Mallory");
        assertThat(tried.get("confirmEmailChange").code()).as("Ada's address is never Bob's").isEqualTo("CODE_INCORRECT");
        assertThat(tried.get("listCoworkerInvitations").body()).doesNotContain(adasInvitation, "grace@example.com");
        assertThat(tried.get("cancelCoworkerInvitation").status()).isEqualTo(404);
        assertThat(tried.get("deleteMe").status()).isEqualTo(204);
        assertThat(tried.get("getReseller").json()).as("Bob sees his own Reseller page, with nobody invited")
                .isEqualTo(new JsonObject().put("state", "none").put("notInterested", false)
                        .put("offerOnDeviceRegistration", true));
        assertThat(tried.get("cancelResellerInvitation").code()).isEqualTo("NO_PENDING_RESELLER_INVITATION");
        assertThat(tried.get("cancelResellerInvitation").json().getString("state")).isEqualTo("none");
        assertThat(tried.get("disconnectReseller").code()).as("Ada's reseller is not Bob's to disconnect")
                .isEqualTo("NO_CONNECTED_RESELLER");
        assertThat(tried.get("disconnectReseller").json().getString("state")).isEqualTo("none");
        assertThat(tried.get("updateResellerSettings").json().getBoolean("notInterested")).isFalse();
        assertThat(tried.get("inviteReseller").status()).as("Bob's own invitation, beside Ada's connection")
                .isEqualTo(201);
        assertThat(tried.get("inviteReseller").json().getString("state")).isEqualTo("invited");
        assertThat(tried.get("getTwoFactor").json()).as("Bob sees his own two-factor authentication, which is off")
                .isEqualTo(new JsonObject().put("enabled", false).put("recoveryCodesLeft", 0));
        String bobsUri = tried.get("startTwoFactorEnrolment").json().getString("otpauthUri");
        assertThat(bobsUri).contains("bob%40example.com").doesNotContain("ada").doesNotContain(adasSecret);
        assertThat(bobsQrCode.status()).isEqualTo(200);
        assertThat(WebApiFixture.decodeQrCode(bobsQrCode.body())).as("the QR code is of Bob's set-up").isEqualTo(bobsUri);
        assertThat(tried.get("confirmTwoFactorEnrolment").code()).as("Ada's code is not Bob's")
                .isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(tried.get("sendTwoFactorCode").code()).isEqualTo("TWO_FACTOR_NOT_BY_EMAIL");
        assertThat(tried.get("disableTwoFactor").code()).as("Bob's is off; Ada's is not his to turn off")
                .isEqualTo("TWO_FACTOR_OFF");

        assertThat(tried.get("registerDevice").code()).isEqualTo("DEVICE_REGISTERED_TO_ANOTHER_ACCOUNT");
        assertThat(tried.get("registerDeviceByLabelPhoto").code()).isEqualTo("DEVICE_REGISTERED_TO_ANOTHER_ACCOUNT");
        assertThat(tried.get("listDevices").json().getJsonArray("devices")).as("Bob has no devices").isEmpty();
        for (String operation : Set.of("getDevice", "updateDevice", "setDeviceSensitivity", "getDeviceEvents", "getDeviceHistory",
                "exportDeviceEvents", "getDeviceCommand", "rebootOutletGroup", "getDeviceLifecycle",
                "sendLifecycleReminder", "unregisterDevice", "getNotificationSettings", "createNotification",
                "updateNotification", "enableNotifications", "deleteNotification")) {
            assertThat(tried.get(operation).code()).as(operation).isEqualTo("DEVICE_NOT_FOUND");
        }
        assertThat(web.as(ada, "GET", "/api/v1/devices/" + ADAS_UPS, null).json()).as("Ada's UPS")
                .isEqualTo(adasDeviceBefore);
        assertThat(web.deviceCommands.all()).as("only Ada's command").hasSize(1);
        assertThat(web.as(ada, "GET", "/api/v1/devices/" + ADAS_UPS + "/notifications", null).json())
                .as("Ada's notifications, still disabled").isEqualTo(adasNotificationsBefore);
        assertThat(web.as(ada, "GET", "/api/v1/me", null).json()).as("Ada's profile and company").isEqualTo(adaBefore);
        assertThat(web.as(ada, "GET", "/api/v1/company/invitations", null).json()).isEqualTo(adasInvitationsBefore);
        assertThat(web.as(ada, "GET", "/api/v1/reseller", null).json()).as("Ada's reseller and her setting")
                .isEqualTo(adasResellerBefore);
        assertThat(web.mails(MailTemplate.RESELLER_UNSUBSCRIBED)).isEmpty();
        assertThat(web.mails(MailTemplate.RESELLER_CUSTOMER_REMINDER)).as("no reminder to Ada's reseller").isEmpty();
        assertThat(web.as(ada, "GET", "/api/v1/me/two-factor", null).json()).as("Ada's two-factor authentication")
                .isEqualTo(adasTwoFactorBefore);
        Answer adaLogsIn = web.logIn(ADA, PASSWORD);
        assertThat(adaLogsIn.status()).as("Ada's password, and her second step still asked for").isEqualTo(202);
        Answer secondStep = web.postJson("/api/v1/sessions/two-factor", new JsonObject()
                .put("challengeToken", adaLogsIn.json().getString("challengeToken")).put("code", adasCodeNow));
        assertThat(secondStep.status()).as("Ada's app still works: " + secondStep.body()).isEqualTo(201);
    }

    /**
     * The operationIds of the contract that need a session. The integration operations take an integration key
     * instead, never a session (see {@link PlanIntegrationApiTest}), so a user's session cannot reach them.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> protectedOperations() throws Exception {
        try (InputStream contract = SecondAccountTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(contract);
            Set<String> operations = new TreeSet<>();
            ((Map<String, Map<String, Object>>) document.get("paths")).values().forEach(path -> path.forEach((method, op) -> {
                if (op instanceof Map<?, ?> operation && operation.get("security") instanceof java.util.List<?> security
                        && !security.isEmpty() && security.stream().noneMatch(requirement -> requirement instanceof Map<?, ?>
                                requirements && requirements.containsKey(OpenApiDocument.INTEGRATION_KEY_SCHEME))) {
                    operations.add((String) operation.get("operationId"));
                }
            }));
            assertThat(operations).isNotEmpty();
            return operations;
        }
    }
}
