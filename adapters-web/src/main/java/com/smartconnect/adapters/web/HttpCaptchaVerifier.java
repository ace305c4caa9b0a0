package com.smartconnect.adapters.web;

import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks captcha tokens with a reCAPTCHA/hCaptcha-compatible service: a form POST of {@code secret},
 * {@code response} and {@code remoteip}, answered {@code {"success": true|false}}. Fails closed: an error, an
 * unexpected answer or no answer within 5 seconds refuses the token, since a captcha that lets everything
 * through when its service is down protects nothing.
 */
public final class HttpCaptchaVerifier implements CaptchaVerifier {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = System.getLogger(HttpCaptchaVerifier.class.getName());

    private final URI verifyUrl;
    private final String secret;
    private final WebClient client;
    private final ContextInternal context;

    public HttpCaptchaVerifier(Vertx vertx, URI verifyUrl, String secret) {
        this.verifyUrl = Objects.requireNonNull(verifyUrl, "verifyUrl");
        this.secret = Objects.requireNonNull(secret, "secret");
        if (!verifyUrl.isAbsolute()) {
            throw new IllegalArgumentException("the captcha verification URL must be absolute: " + verifyUrl);
        }
        this.client = WebClient.create(vertx);
        // The port is synchronous, so the caller waits for the answer. The answer is delivered on an event loop of
        // our own: on the caller's context it would queue behind the very task that is waiting for it.
        this.context = ((VertxInternal) vertx).createEventLoopContext();
    }

    @Override
    public boolean verify(String token, Optional<String> remoteAddress) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("captcha verification blocks; call it off the event loop");
        }
        Promise<Boolean> answer = Promise.promise();
        context.runOnContext(ignored -> ask(token, remoteAddress).onComplete(answer));
        try {
            // A margin over the request timeout, in case the request never starts (a closed Vertx, for one).
            return answer.future().toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Captcha verification failed; the token is refused: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Future<Boolean> ask(String token, Optional<String> remoteAddress) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("secret", secret).add("response", token);
        remoteAddress.ifPresent(address -> form.add("remoteip", address));
        return client.postAbs(verifyUrl.toString())
                .timeout(TIMEOUT.toMillis())
                .sendForm(form)
                .map(this::success);
    }

    private boolean success(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            LOG.log(Level.WARNING, "Captcha service answered " + response.statusCode() + "; the token is refused");
            return false;
        }
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body != null && Boolean.TRUE.equals(body.getValue("success"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Captcha service answered something other than JSON; the token is refused");
            return false;
        }
    }
}
