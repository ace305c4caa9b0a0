package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a request through to a protected operation only with a live session, and puts the {@link AuthenticatedUser}
 * in the routing context for the operation's handler. The token comes from {@code Authorization: Bearer} or, when
 * that header is absent, from the session cookie. A state-changing request authenticated by the cookie must also
 * carry the session's CSRF token: a browser attaches cookies to cross-site requests on its own, never an
 * {@code Authorization} header, so only the cookie path needs the check.
 */
final class SessionAuthentication implements Handler<RoutingContext> {

    private static final String USER = SessionAuthentication.class.getName() + ".user";
    private static final String TOKEN = SessionAuthentication.class.getName() + ".token";
    private static final String BEARER = "bearer ";
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final AuthenticateUseCase authenticate;
    private final Blocking blocking;

    SessionAuthentication(AuthenticateUseCase authenticate, Blocking blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    /** Where a request's session token came from. */
    private record Presented(String token, boolean byCookie) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Presented> presented = presented(ctx.request());
        if (presented.isEmpty()) {
            notAuthenticated(ctx);
            return;
        }
        String token = presented.get().token();
        // Checked before the session is looked up, so a forged request does not even keep the session alive.
        if (presented.get().byCookie() && STATE_CHANGING.contains(ctx.request().method())
                && !SessionCookies.csrfMatches(token, ctx.request().getHeader(SessionCookies.CSRF_HEADER))) {
            Problem.csrfTokenInvalid().sendTo(ctx);
            return;
        }
        Optional<AuthenticatedUser> user = blocking.run(() -> authenticate.authenticate(token));
        if (user.isEmpty()) {
            notAuthenticated(ctx);
            return;
        }
        ctx.put(USER, user.get());
        ctx.put(TOKEN, token);
        ctx.next();
    }

    /** The user of a request this handler let through. */
    static AuthenticatedUser user(RoutingContext ctx) {
        AuthenticatedUser user = ctx.get(USER);
        if (user == null) {
            throw new IllegalStateException("the operation is not behind " + SessionAuthentication.class.getSimpleName());
        }
        return user;
    }

    /** The session token of a request this handler let through. */
    static String token(RoutingContext ctx) {
        String token = ctx.get(TOKEN);
        if (token == null) {
            throw new IllegalStateException("the operation is not behind " + SessionAuthentication.class.getSimpleName());
        }
        return token;
    }

    static void notAuthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problem.notAuthenticated().sendTo(ctx);
    }

    private static Optional<Presented> presented(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            // An Authorization header of another scheme is not silently replaced by the cookie: it is refused.
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                return Optional.empty();
            }
            return nonBlank(authorization.substring(BEARER.length())).map(token -> new Presented(token, false));
        }
        Cookie cookie = request.getCookie(SessionCookies.SESSION);
        return cookie == null ? Optional.empty() : nonBlank(cookie.getValue()).map(token -> new Presented(token, true));
    }

    private static Optional<String> nonBlank(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }
}
