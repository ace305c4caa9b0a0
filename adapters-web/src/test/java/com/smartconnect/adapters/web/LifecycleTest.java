package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private WebApiFixture slowSignUps() throws Exception {
        return WebApiFixture.start(new VertxOptions(), useCases -> {
            SignUpUseCase real = useCases.signUp();
            SignUpUseCase slow = command -> {
                entered.countDown();
                try {
                    // Stands for a slow password hash or a slow database.
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.signUp(command);
            };
            return new HttpApi.UseCases(slow, useCases.verify(), useCases.resend(), useCases.registrationStatus(),
                    useCases.logIn(), useCases.logOut(), useCases.authenticate(), useCases.profile(),
                    useCases.requestPasswordReset(), useCases.resetPassword(), useCases.passwordResetLink(),
                    useCases.changePassword(), useCases.deleteAccount(),
                    useCases.inviteCoworker(), useCases.coworkerInvitations(), useCases.cancelCoworkerInvitation(),
                    useCases.invitationLookup(), useCases.updateProfile(), useCases.requestEmailChange(),
                    useCases.confirmEmailChange(), useCases.completeLogIn(), useCases.sendTwoFactorCode(),
                    useCases.twoFactor(), useCases.startTwoFactorEnrolment(), useCases.confirmTwoFactorEnrolment(),
                    useCases.disableTwoFactor(), useCases.reseller(),
                    useCases.inviteReseller(), useCases.manageReseller(), useCases.resellerLinks(),
                    useCases.plans(), useCases.changePlan());
        }, List.of(WebApiFixture.probe("database", true)));
    }

    @Test
    void aSlowUseCaseDoesNotHoldUpOtherRequests() throws Exception {
        try (WebApiFixture web = slowSignUps()) {
            CompletableFuture<Answer> signUp = CompletableFuture.supplyAsync(
                    () -> web.postJson("/api/v1/registrations", WebApiFixture.validSignUp()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(web.get("/health/ready").status()).isEqualTo(200);
            assertThat(signUp).isNotDone();

            release.countDown();
            assertThat(signUp.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
        }
    }

    @Test
    void stoppingLetsARequestInFlightFinishAndThenRefusesConnections() throws Exception {
        try (WebApiFixture web = slowSignUps()) {
            CompletableFuture<Answer> signUp = CompletableFuture.supplyAsync(
                    () -> web.postJson("/api/v1/registrations", WebApiFixture.validSignUp()));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            Future<Void> stopped = web.api.stop(Duration.ofSeconds(10));
            Thread.sleep(200);
            assertThat(stopped.isComplete()).isFalse();
            release.countDown();

            assertThat(signUp.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
            stopped.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> web.get("/health/live")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theApiCanBeStartedAgainAfterAStopAndStoppingTwiceIsHarmless() throws Exception {
        try (WebApiFixture web = WebApiFixture.start()) {
            web.api.stop(Duration.ZERO).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            web.api.stop(Duration.ZERO).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            int port = web.api.start(web.vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(port).isPositive();
        }
    }
}
