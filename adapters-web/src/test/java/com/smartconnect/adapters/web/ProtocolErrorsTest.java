package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import io.vertx.core.VertxOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refusals that come from HTTP itself rather than from the use cases. */
class ProtocolErrorsTest {

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
    void brokenJsonIsMalformed() {
        Answer answer = web.send("POST", "/api/v1/registrations", "application/json", "{\"email\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        Answer answer = web.send("POST", "/api/v1/registrations", "application/json", "[1, 2]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aMissingBodyIsMalformed() {
        Answer answer = web.send("POST", "/api/v1/registrations", "application/json", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Answer plain = web.send("POST", "/api/v1/registrations", "text/plain", WebApiFixture.validSignUp().encode());
        Answer form = web.send("POST", "/api/v1/registrations", "application/x-www-form-urlencoded", "email=a%40b.com");

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void jsonWithACharsetIsJson() {
        Answer answer = web.send("POST", "/api/v1/registrations", "application/json; charset=UTF-8",
                WebApiFixture.validSignUp().encode());

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void aBodyOver64KibIsTooLarge() {
        String body = WebApiFixture.validSignUp().put("firstName", "x".repeat(70_000)).encode();

        Answer answer = web.send("POST", "/api/v1/registrations", "application/json", body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void anUnknownPathIsNotFound() {
        Answer answer = web.get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        Answer delete = web.send("DELETE", "/api/v1/registrations", null, null);
        Answer get = web.get("/api/v1/registrations");

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(get.status()).isEqualTo(405);
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutItsDetails() throws Exception {
        SignUpUseCase failing = command -> {
            throw new IllegalStateException("database password is hunter2 at com.smartconnect.Secret");
        };
        try (WebApiFixture broken = WebApiFixture.start(new VertxOptions(),
                useCases -> new HttpApi.UseCases(failing, useCases.verify(), useCases.resend(), useCases.registrationStatus(),
                    useCases.logIn(), useCases.logOut(), useCases.authenticate(), useCases.profile(),
                    useCases.requestPasswordReset(), useCases.resetPassword(), useCases.passwordResetLink(),
                    useCases.changePassword(), useCases.deleteAccount(),
                    useCases.inviteCoworker(), useCases.coworkerInvitations(), useCases.cancelCoworkerInvitation(),
                    useCases.invitationLookup(), useCases.updateProfile(), useCases.requestEmailChange(),
                    useCases.confirmEmailChange(), useCases.completeLogIn(), useCases.sendTwoFactorCode(),
                    useCases.twoFactor(), useCases.startTwoFactorEnrolment(), useCases.confirmTwoFactorEnrolment(),
                    useCases.disableTwoFactor(), useCases.reseller(),
                    useCases.inviteReseller(), useCases.manageReseller(), useCases.resellerLinks(),
                    useCases.plans(), useCases.changePlan()),
                List.of())) {

            Answer answer = broken.postJson("/api/v1/registrations", WebApiFixture.validSignUp());

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
        }
    }
}
