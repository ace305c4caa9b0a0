package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without script for the no-JS tests of the portal's pages: it keeps cookies (its own jar: the JDK's sends
 * no {@code Secure} cookie over plain HTTP, where a browser does for a loopback address) and follows no redirect by
 * itself.
 */
class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String base;

    PortalSession(SmartConnect server) {
        base = "http://127.0.0.1:" + server.httpPort().getAsInt();
    }

    /** Logs in through the login form with {@link PortalServer#PASSWORD}: the answer is a redirect (303). */
    PortalSession logIn(String email) throws Exception {
        HttpResponse<String> loggedIn = postForm("/login", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PortalServer.PASSWORD, StandardCharsets.UTF_8) + "&csrf="
                + csrfOf(get("/login")));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(303);
        return this;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postForm(String path, String body) throws Exception {
        return post(path, "application/x-www-form-urlencoded", body);
    }

    /** The value of the page's (first) {@code csrf} field, as the page has it. */
    static String csrfOf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field in %s", page.body()).isTrue();
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.substring(0, cookie.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
