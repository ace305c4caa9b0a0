package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.Blocking;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.adapters.web.SessionCookies;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every page handler of the portal shares: the use cases and the way to call them, the templates and texts, the
 * visitor's session and form token, and the answers (a page, a redirect, a failure). Page handlers only turn forms
 * into commands and results into pages; the rules stay in the use cases.
 */
final class Portal {

    /** The cookie a browser gets before it logs in; the token in a form shown before a login is signed over it. */
    static final String FORM_COOKIE = "smartconnect_form";
    static final String CSRF_FIELD = "csrf";
    /** Where a visitor goes after logging in when the login page is not told: a page they opened before (a label's QR code). */
    static final String RETURN_COOKIE = "smartconnect_return";

    private static final Logger LOG = System.getLogger(Portal.class.getName());
    private static final String VISIT = Portal.class.getName() + ".visit";
    private static final String FORM_PURPOSE = "portal-form";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A path of this server, with an optional plain query; nothing that a browser could read as another host. */
    private static final Pattern LOCAL_TARGET = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.-]*(\\?[A-Za-z0-9=&_.%-]*)?");

    final HttpApi.UseCases useCases;
    /** The device pages' use cases; absent where the API runs without devices (its pages then answer 404). */
    final Optional<HttpApi.DeviceUseCases> deviceUseCases;
    /** The Email Notifications page's use cases, the same the REST API's notification routes call; absent: 404. */
    final Optional<HttpApi.NotificationUseCases> notificationUseCases;
    final Blocking blocking;
    final Clock clock;
    private final Optional<PortalSettings> settings;
    final Messages messages = Messages.english();
    final Views views = new Views();
    private final List<Map<String, String>> countries;
    /** Signs the form cookie when the portal is off: the mail links' forms carry a token all the same. */
    private final byte[] formKey = new byte[32];

    /**
     * {@code settings} empty: the portal is off, and only the pages of mail links wear its frame, without its
     * navigation (no page of the portal answers) and without a session.
     */
    Portal(HttpApi.UseCases useCases, Blocking blocking, Clock clock, Optional<PortalSettings> settings) {
        this(useCases, Optional.empty(), blocking, clock, settings);
    }

    Portal(HttpApi.UseCases useCases, Optional<HttpApi.DeviceUseCases> deviceUseCases, Blocking blocking, Clock clock,
            Optional<PortalSettings> settings) {
        this(useCases, deviceUseCases, Optional.empty(), blocking, clock, settings);
    }

    Portal(HttpApi.UseCases useCases, Optional<HttpApi.DeviceUseCases> deviceUseCases,
            Optional<HttpApi.NotificationUseCases> notificationUseCases, Blocking blocking, Clock clock,
            Optional<PortalSettings> settings) {
        this.useCases = useCases;
        this.deviceUseCases = deviceUseCases;
        this.notificationUseCases = notificationUseCases;
        this.blocking = blocking;
        this.clock = clock;
        this.settings = settings;
        this.countries = countries();
        RANDOM.nextBytes(formKey);
    }

    /** The portal's settings; only its own pages ask, and they are routed only when the portal is on. */
    PortalSettings settings() {
        return settings.orElseThrow(() -> new IllegalStateException("the portal is off"));
    }

    boolean on() {
        return settings.isPresent();
    }

    /** The visitor of a request: their session when they are logged in, and their form cookie. */
    record Visit(Optional<String> sessionToken, Optional<AuthenticatedUser> user, String formCookie) {

        boolean loggedIn() {
            return user.isPresent();
        }
    }

    /** The first handler of every portal route: finds the session and gives a new browser its form cookie. */
    void visit(RoutingContext ctx) {
        enter(ctx);
        ctx.next();
    }

    /** Finds the visitor of a request (see {@link #visit}) for a handler that is not behind {@link #visit}. */
    void enter(RoutingContext ctx) {
        // Without the portal there is no page to log in to: a visitor has a form cookie only, for the mail links' forms.
        Optional<String> token = settings.isEmpty() ? Optional.empty()
                : Optional.ofNullable(ctx.request().getCookie(SessionCookies.SESSION))
                        .map(Cookie::getValue).map(String::strip).filter(value -> !value.isEmpty());
        Optional<AuthenticatedUser> user = token.isEmpty() ? Optional.empty()
                : blocking.run(() -> useCases.authenticate().authenticate(token.get()));
        String formCookie = Optional.ofNullable(ctx.request().getCookie(FORM_COOKIE)).map(Cookie::getValue)
                .filter(value -> value.length() >= 32).orElse(null);
        if (formCookie == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            formCookie = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            // Until the browser closes: a form shown before a login needs nothing longer.
            ctx.response().headers().add("Set-Cookie",
                    FORM_COOKIE + "=" + formCookie + "; Path=/; HttpOnly; Secure; SameSite=Lax");
        }
        ctx.put(VISIT, new Visit(user.isPresent() ? token : Optional.empty(), user, formCookie));
    }

    /** The visitor of a request whose handlers could not find one (a failure before them): a stranger. */
    static void enterAsStranger(RoutingContext ctx) {
        if (ctx.get(VISIT) == null) {
            ctx.put(VISIT, new Visit(Optional.empty(), Optional.empty(), ""));
        }
    }

    static Visit visitOf(RoutingContext ctx) {
        Visit visit = ctx.get(VISIT);
        if (visit == null) {
            throw new IllegalStateException("the route is not behind Portal.visit");
        }
        return visit;
    }

    /**
     * The token every form carries: with a session, the session's CSRF value (the API's own); before a login, the
     * form cookie signed with the server's key (a signed double-submit cookie), which a forged form cannot know.
     */
    String csrfToken(RoutingContext ctx) {
        Visit visit = visitOf(ctx);
        if (visit.sessionToken().isEmpty() && visit.formCookie().isEmpty()) {
            return "";
        }
        return visit.sessionToken().map(SessionCookies::csrfFor).orElseGet(() -> formToken(visit.formCookie()));
    }

    /**
     * The form cookie signed with the server's key; when the portal is off, with a key of this process (no form
     * outlives a restart by much, and the link it came from opens it again).
     */
    private String formToken(String formCookie) {
        if (settings.isPresent()) {
            return settings.get().signer().sign(FORM_PURPOSE, formCookie);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(formKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(formCookie.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    private boolean formTokenMatches(String formCookie, String presented) {
        if (formCookie == null || presented == null || formCookie.isEmpty() || presented.isEmpty()) {
            return false;
        }
        if (settings.isPresent()) {
            return settings.get().signer().verify(FORM_PURPOSE, presented).filter(formCookie::equals).isPresent();
        }
        return MessageDigest.isEqual(formToken(formCookie).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the posted form carries the token of {@link #csrfToken}; answers the refusal page when not. */
    boolean csrfChecked(RoutingContext ctx, Form form) {
        boolean valid = csrfMatches(ctx, form.get(CSRF_FIELD));
        if (!valid) {
            send(ctx, Page.of("message", "csrf.title").status(403)
                    .value("heading", messages.get("csrf.heading"))
                    .value("paragraphs", List.of(messages.get("csrf.text")))
                    .value("linkHref", ctx.request().path()).value("linkText", messages.get("csrf.again")));
        }
        return valid;
    }

    /** Whether {@code presented} is the token of {@link #csrfToken} (a script's request carries it in a header). */
    boolean csrfMatches(RoutingContext ctx, String presented) {
        Visit visit = visitOf(ctx);
        return visit.sessionToken().map(token -> SessionCookies.csrfMatches(token, presented)).orElse(false)
                || formTokenMatches(visit.formCookie(), presented);
    }

    /**
     * Whether the page was asked for over plain HTTP by another host than this machine: a browser then neither keeps
     * the {@code Secure} session cookie nor gives a page its camera, and the page says so. A proxy that ended TLS
     * says {@code X-Forwarded-Proto: https}.
     */
    static boolean plainHttpFromAnotherHost(RoutingContext ctx) {
        if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
            return false;
        }
        String host = Optional.ofNullable(ctx.request().authority()).map(a -> a.host()).orElse("")
                .toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1"));
    }

    /** Renders {@code page} inside the layout, with the headers every portal page carries. */
    void send(RoutingContext ctx, Page page) {
        Visit visit = visitOf(ctx);
        send(ctx.response(), page, visit.loggedIn(), csrfToken(ctx), plainHttpFromAnotherHost(ctx));
    }

    /**
     * Renders {@code page} for a request that no handler read (the HTTP parser refused it): for a stranger, so
     * without a form token.
     */
    void sendToStranger(HttpServerResponse response, Page page) {
        send(response, page, false, "", false);
    }

    private void send(HttpServerResponse response, Page page, boolean loggedIn, String csrf, boolean plainHttp) {
        Map<String, Object> values = new HashMap<>(page.values);
        values.put("t", messages.lambda());
        values.put("title", messages.get(page.titleKey));
        values.put("csrf", csrf);
        values.put("loggedIn", loggedIn);
        values.put("portal", on());
        values.put("fields", page.fields);
        values.put("errors", page.errors);
        values.put("hasErrors", page.hasErrors());
        values.put("alerts", page.alerts);
        values.put("notices", page.notices);
        values.put("plainHttp", plainHttp);
        settings.flatMap(PortalSettings::captcha).ifPresent(captcha -> values.put("captcha", captcha));
        response.setStatusCode(page.status);
        headers(response);
        response.end(views.page(page.template, values));
    }

    /**
     * A page that only says something, with one link on: its heading (also its title), one paragraph, and where to go.
     * Every argument but {@code status} and {@code linkHref} is a message key.
     */
    Page messagePage(int status, String headingKey, String textKey, String linkHref, String linkTextKey) {
        return Page.of("message", headingKey).status(status)
                .value("heading", messages.get(headingKey))
                .value("paragraphs", List.of(messages.get(textKey)))
                .value("linkHref", linkHref).value("linkText", messages.get(linkTextKey));
    }

    /** Only the part of a page that htmx puts in place of the old one. */
    void sendFragment(RoutingContext ctx, int status, String fragment, Map<String, Object> fragmentValues) {
        Map<String, Object> values = new HashMap<>(fragmentValues);
        values.put("t", messages.lambda());
        ctx.response().setStatusCode(status);
        headers(ctx.response());
        ctx.response().end(views.fragment(fragment, values));
    }

    static boolean isHtmx(RoutingContext ctx) {
        return "true".equals(ctx.request().getHeader("HX-Request"));
    }

    /**
     * Answers an htmx request with a whole page to go to instead of a part to swap (a login, a 404 page): status 286
     * stops a polling element, and {@code HX-Redirect} makes the browser load {@code location}.
     */
    static void htmxNavigate(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(286).putHeader("HX-Redirect", location).putHeader("Cache-Control", "no-store")
                .end();
    }

    private void headers(HttpServerResponse response) {
        String captchaOrigin = settings.flatMap(PortalSettings::captcha).map(c -> " " + origin(c.scriptUrl())).orElse("");
        response
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'" + captchaOrigin
                        + "; style-src 'self'; img-src 'self' data:; connect-src 'self'" + captchaOrigin
                        + "; frame-src" + (captchaOrigin.isEmpty() ? " 'none'" : captchaOrigin)
                        + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** 303 See Other: after a form, the browser loads {@code location} with a GET. */
    static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
    }

    /** {@code target} when it is a path of this server; {@code /} otherwise, so a link cannot send anyone away. */
    static String localTarget(String target) {
        return target != null && LOCAL_TARGET.matcher(target).matches() && !target.startsWith("/api/") ? target : "/";
    }

    /**
     * Keeps {@code target} (a local path) for an hour, so that a visitor who signs up before logging in still comes
     * back to it: signing up leads through other pages, which the login's {@code next} does not survive.
     */
    void rememberTarget(RoutingContext ctx, String target) {
        ctx.response().headers().add("Set-Cookie", RETURN_COOKIE + "="
                + java.net.URLEncoder.encode(localTarget(target), java.nio.charset.StandardCharsets.UTF_8)
                + "; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
    }

    /** The target {@link #rememberTarget} kept, when it is still a local path. */
    static Optional<String> rememberedTarget(RoutingContext ctx) {
        return Optional.ofNullable(ctx.request().getCookie(RETURN_COOKIE)).map(Cookie::getValue)
                .map(value -> java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))
                .map(Portal::localTarget).filter(target -> !target.equals("/"));
    }

    void forgetTarget(RoutingContext ctx) {
        if (ctx.request().getCookie(RETURN_COOKIE) != null) {
            ctx.response().headers().add("Set-Cookie", RETURN_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax");
        }
    }

    /** Starts a browser session: its two cookies, as the API's login sets them. */
    void startSession(RoutingContext ctx, String token, Instant expiresAt) {
        for (String cookie : SessionCookies.issue(token, expiresAt, clock)) {
            ctx.response().headers().add("Set-Cookie", cookie);
        }
    }

    void endSession(RoutingContext ctx) {
        for (String cookie : SessionCookies.clear()) {
            ctx.response().headers().add("Set-Cookie", cookie);
        }
    }

    /** A field error as the page shows it: the bundle's text for its code (see {@link Messages#fieldError}). */
    String message(FieldError error) {
        return messages.fieldError(error);
    }

    /** The form field a use case's field names (such as {@code company.name}) are shown at. */
    static String fieldName(FieldError error) {
        return error.field().replace('.', '_');
    }

    static Optional<String> remoteAddress(RoutingContext ctx) {
        SocketAddress address = ctx.request().remoteAddress();
        return address == null ? Optional.empty() : Optional.ofNullable(address.hostAddress());
    }

    /** Failures on portal routes answered with a page of the portal, never a trace. */
    void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (status != 400 && status != 413 && status != 415) {
            LOG.log(Level.ERROR, "Unexpected failure answering " + ctx.request().method() + " " + ctx.request().path()
                    + " (status " + status + ")", ctx.failure());
            status = 500;
        }
        Page page = Page.of("message", "failure.title").status(status)
                .value("heading", messages.get(status == 500 ? "failure.heading" : "failure.form"))
                .value("paragraphs", List.of(messages.get("failure.text")))
                .value("linkHref", "/").value("linkText", messages.get("failure.home"));
        enterAsStranger(ctx);
        send(ctx, page);
    }

    /** The options of a Location list, {@code selected} (a country code) chosen. */
    List<Map<String, Object>> countryOptions(String selected) {
        return countries.stream().map(country -> Map.<String, Object>of("code", country.get("code"),
                "name", country.get("name"), "selected", country.get("code").equalsIgnoreCase(selected))).toList();
    }

    /** The countries by their English names. */
    private static List<Map<String, String>> countries() {
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> Map.of("code", code, "name", Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
                .sorted(Comparator.comparing(country -> country.get("name")))
                .toList();
    }
}
