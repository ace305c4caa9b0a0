package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCaptchaVerifierTest {

    private Vertx vertx;
    private HttpServer server;
    private final List<MultiMap> forms = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCaptchaService() throws Exception {
        vertx = Vertx.vertx();
        // Answers like reCAPTCHA: success for the token "good", a 500 for "broken", nothing at all for "silent".
        server = vertx.createHttpServer().requestHandler(request -> {
            request.setExpectMultipart(true);
            request.endHandler(ignored -> {
                MultiMap form = request.formAttributes();
                forms.add(MultiMap.caseInsensitiveMultiMap().addAll(form));
                switch (form.get("response")) {
                    case "broken" -> request.response().setStatusCode(500).end();
                    case "garbled" -> request.response().end("<html>not json</html>");
                    case "silent" -> { }
                    default -> request.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("success", "good".equals(form.get("response"))).encode());
                }
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpCaptchaVerifier verifier() {
        return new HttpCaptchaVerifier(vertx, URI.create("http://127.0.0.1:" + server.actualPort() + "/siteverify"), "s3cret");
    }

    @Test
    void aTokenTheServiceAcceptsPassesAndTheFormCarriesSecretResponseAndRemoteIp() {
        assertThat(verifier().verify("good", Optional.of("203.0.113.7"))).isTrue();

        assertThat(forms).hasSize(1);
        assertThat(forms.get(0).get("secret")).isEqualTo("s3cret");
        assertThat(forms.get(0).get("response")).isEqualTo("good");
        assertThat(forms.get(0).get("remoteip")).isEqualTo("203.0.113.7");
    }

    @Test
    void aTokenTheServiceRefusesFails() {
        assertThat(verifier().verify("bad", Optional.empty())).isFalse();
        assertThat(forms.get(0).contains("remoteip")).isFalse();
    }

    @Test
    void anErrorOrAnAnswerThatIsNotJsonRefusesTheToken() {
        assertThat(verifier().verify("broken", Optional.empty())).isFalse();
        assertThat(verifier().verify("garbled", Optional.empty())).isFalse();
    }

    @Test
    void anUnreachableServiceRefusesTheToken() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(new HttpCaptchaVerifier(vertx, URI.create("http://127.0.0.1:" + port + "/siteverify"), "s3cret")
                .verify("good", Optional.empty())).isFalse();
    }

    @Test
    void aServiceThatDoesNotAnswerWithinFiveSecondsRefusesTheToken() {
        long started = System.nanoTime();

        assertThat(verifier().verify("silent", Optional.empty())).isFalse();

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(seconds).isBetween(4L, 7L);
    }
}
