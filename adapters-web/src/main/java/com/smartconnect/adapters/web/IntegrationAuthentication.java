package com.smartconnect.adapters.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a request through to an integration operation (security scheme {@code integrationKey} in the contract) only
 * with the key of a configured integration in {@code Authorization: Bearer}, and puts the integration's name in the
 * routing context for the operation's handler. Sessions do not count here: the session cookie is not even read,
 * and a session token is just another wrong key. A missing key and a wrong one get the very same answer.
 *
 * <p>The keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every integration each
 * time, so the time an answer takes says nothing about how much of a key was right, nor whose key it was close to.
 * Neither the keys nor what a caller presented are ever logged.
 */
final class IntegrationAuthentication implements Handler<RoutingContext> {

    private static final String INTEGRATION = IntegrationAuthentication.class.getName() + ".integration";
    private static final String BEARER = "bearer ";
    /** What the answer to a refused request asks for; the realm tells it apart from a session's {@code Bearer}. */
    static final String CHALLENGE = "Bearer realm=\"smartconnect-integration\"";

    /** An integration's name and the digest of its key. */
    private record Integration(String name, byte[] keyDigest) {
    }

    private final List<Integration> integrations;

    IntegrationAuthentication(Map<String, String> keysByIntegration) {
        List<Integration> known = new ArrayList<>();
        keysByIntegration.forEach((name, key) -> known.add(new Integration(name, digest(key))));
        this.integrations = List.copyOf(known);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<String> integration = integrationOf(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (integration.isEmpty()) {
            refuse(ctx);
            return;
        }
        ctx.put(INTEGRATION, integration.get());
        ctx.next();
    }

    /** The name of the integration of a request this handler let through. */
    static String integration(RoutingContext ctx) {
        String integration = ctx.get(INTEGRATION);
        if (integration == null) {
            throw new IllegalStateException("the operation is not behind "
                    + IntegrationAuthentication.class.getSimpleName());
        }
        return integration;
    }

    private Optional<String> integrationOf(String authorization) {
        // The digest is compared even without a usable header, so a refusal takes the same time whatever its reason.
        String presented = "";
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            presented = authorization.substring(BEARER.length()).strip();
        }
        byte[] digest = digest(presented);
        String match = null;
        for (Integration integration : integrations) {
            // No early exit: every integration's key is compared, whichever matches.
            if (MessageDigest.isEqual(digest, integration.keyDigest()) && match == null) {
                match = integration.name();
            }
        }
        // An empty key never matches: the settings refuse keys shorter than WebSettings.MIN_INTEGRATION_KEY_LENGTH.
        return presented.isEmpty() ? Optional.empty() : Optional.ofNullable(match);
    }

    private static void refuse(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        Problem.integrationKeyInvalid().sendTo(ctx);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
