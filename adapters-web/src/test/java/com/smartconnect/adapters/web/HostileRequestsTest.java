package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.RawHttp.Reply;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests as a hostile client writes them, byte for byte on a socket: each gets an answer, a problem from the API
 * and a page from the pages, never an internal error, a bare status or silence.
 */
class HostileRequestsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data; boundary=zz";
    private static final String LABEL_PHOTO = "/api/v1/devices/label-photo";

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private Reply exchange(String request) {
        return RawHttp.exchange(web.port, request);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.body()).isEqualTo("application/problem+json");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonObject problem = new JsonObject(reply.body());
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getInteger("status")).isEqualTo(status);
    }

    private static void assertPage(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(reply.header("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(reply.body()).startsWith("<!DOCTYPE html>").doesNotContain("Exception");
    }

    private String session() {
        web.verifiedAccount("ada@example.com", "Ada");
        return web.logIn("ada@example.com", "Tr1angle!Sky").json().getString("token");
    }

    @Test
    void aFormPostWithABrokenEscapeInTheQueryIsABadRequestOnEveryRoute() {
        for (String path : List.of("/health", "/api/v1/registrations", "/api/v1/me", "/api/v1/nothing-here")) {
            for (String type : List.of(FORM, MULTIPART, "multipart/form-data")) {
                assertProblem(exchange(RawHttp.request("POST", path + "?x=%zz", "a=b", "Content-Type", type)),
                        400, "BAD_REQUEST");
            }
        }
        assertPage(exchange(RawHttp.request("POST", "/password-reset?x=%zz", "a=b", "Content-Type", FORM)), 400);
        assertPage(exchange(RawHttp.request("POST", "/reseller/accept?x=%zz", "a=b", "Content-Type", MULTIPART)), 400);
    }

    @Test
    void aBrokenEscapeInTheQueryOrPathOfAGetIsABadRequest() {
        assertProblem(exchange(RawHttp.request("GET", "/health?x=%zz", null)), 400, "BAD_REQUEST");
        assertProblem(exchange(RawHttp.request("GET", "/api/v1/registrations/8d5e1c7a-0b0f-4c55-9a0e-8a1d7c2b3e4f?x=%zz",
                null)), 400, "BAD_REQUEST");
        assertProblem(exchange(RawHttp.request("GET", "/health%zz", null)), 400, "BAD_REQUEST");
        assertPage(exchange(RawHttp.request("GET", "/password-reset?token=%zz", null)), 400);
    }

    @Test
    void aFormBodyOnAMethodThatCarriesNoneIsAnUnsupportedMediaTypeOnEveryRoute() {
        for (String method : List.of("GET", "OPTIONS", "PROPFIND", "X-INVENTED")) {
            for (String type : List.of(FORM, MULTIPART)) {
                for (String path : List.of("/health", "/api/v1/me", "/api/v1/nothing-here")) {
                    assertProblem(exchange(RawHttp.request(method, path, "a=b", "Content-Type", type)),
                            415, "UNSUPPORTED_MEDIA_TYPE");
                }
                assertPage(exchange(RawHttp.request(method, "/password-reset?token=t", "a=b", "Content-Type", type)),
                        415);
            }
        }
        Reply head = exchange(RawHttp.request("HEAD", "/health", "a=b", "Content-Type", FORM));
        assertThat(head.status()).isEqualTo(415);
        assertThat(head.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void aLabelPhotoThatClaimsMultipartButIsNotIsABadRequest() {
        String token = session();
        String bearer = "Bearer " + token;
        // A part without a file is no photo.
        assertProblem(exchange(RawHttp.request("POST", LABEL_PHOTO, "--zz\r\nGarbage\r\n\r\nabc\r\n--zz--\r\n",
                "Content-Type", MULTIPART, "Authorization", bearer)), 400, "LABEL_PHOTO_MISSING");
        assertProblem(exchange(RawHttp.request("POST", LABEL_PHOTO, "abc",
                "Content-Type", "multipart/form-data; boundary=", "Authorization", bearer)), 400, "BAD_REQUEST");
        assertProblem(exchange(RawHttp.request("POST", LABEL_PHOTO, "photo=%zz",
                "Content-Type", "multipart/form-data", "Authorization", bearer)), 400, "LABEL_PHOTO_MISSING");
        assertProblem(exchange(RawHttp.request("POST", LABEL_PHOTO + "?x=%zz", "a=b",
                "Content-Type", MULTIPART, "Authorization", bearer)), 400, "BAD_REQUEST");
    }

    @Test
    void aLabelPhotoWithoutASessionIsRefusedBeforeItsBodyIsRead() {
        // A megabyte announced, a few bytes sent: only a server that does not wait for the body answers.
        String head = "POST " + LABEL_PHOTO + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + MULTIPART
                + "\r\nContent-Length: 1048576\r\n\r\n--zz\r\n";
        Reply reply = RawHttp.exchange(web.port, head.getBytes(StandardCharsets.ISO_8859_1), 5_000);

        assertProblem(reply, 401, "NOT_AUTHENTICATED");
    }

    @Test
    void requestsTheHttpParserRefusesAreProblems() {
        assertProblem(exchange(RawHttp.request("GET", "/health", null, "X-Padding", "a".repeat(10_000))),
                431, "HEADERS_TOO_LARGE");
        assertProblem(exchange(RawHttp.request("GET", "/health?" + "a".repeat(5_000), null)), 414, "URI_TOO_LONG");
        assertProblem(exchange("POST /api/v1/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n"
                + "Connection: close\r\n\r\n"), 400, "BAD_REQUEST");
        assertProblem(exchange("POST /api/v1/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\n{}"), 400, "BAD_REQUEST");
    }

    @Test
    void pagesAnswerRefusalsWithAPage() {
        assertPage(exchange(RawHttp.request("DELETE", "/password-reset", null)), 405);
        assertPage(exchange(RawHttp.request("X-INVENTED", "/reseller/unsubscribe", null)), 405);
        assertPage(exchange(RawHttp.request("GET", "/password-reset?token=t", null, "X-Padding", "a".repeat(10_000))),
                431);
        assertProblem(exchange(RawHttp.request("DELETE", "/health", null)), 405, "METHOD_NOT_ALLOWED");
    }
}
