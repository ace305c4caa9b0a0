package com.smartconnect.adapters.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where the HTTP API listens, how much it reads, and which other applications may call its integration endpoints.
 *
 * @param host the interface to bind, such as {@code 0.0.0.0}
 * @param port the port; {@code 0} picks any free port (tests read the real one from {@link HttpApi#start})
 * @param maxBodyBytes the largest request body accepted; bigger ones are answered 413 without being read
 * @param limits how much the API holds at once
 * @param integrationKeys the secret key of each integration (the store, a reseller's system) by its name, which the
 *     plan history keeps as the change's source. A caller of an integration endpoint presents its key as
 *     {@code Authorization: Bearer <key>}. Empty: the integration endpoints refuse everyone. The keys are secrets:
 *     {@link #toString} leaves them out.
 * @param tls the certificate the server answers HTTPS with; empty: plain HTTP (behind a proxy that ends TLS, or on
 *     this machine only: a browser keeps the {@code Secure} session cookie and gives the camera only over HTTPS or
 *     to {@code localhost})
 */
public record WebSettings(String host, int port, int maxBodyBytes, Map<String, String> integrationKeys, Limits limits,
        Optional<Tls> tls) {

    /** A PEM certificate chain and its PEM private key. */
    public record Tls(Path certificateChain, Path privateKey) {

        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /**
     * How much the API holds at once.
     *
     * @param idleTimeout a connection that neither sends nor receives anything for this long is closed, whatever
     *     it is doing: the connections of clients that went away, or never say anything, do not pile up
     * @param maxConnections the most connections open at once; one more is closed as it arrives, so that the API
     *     never takes the open files the rest of the process (the MQTT endpoint) needs
     * @param labelPhotoDecodes label photos decoded at once, on platform threads of their own: decoding is all
     *     processor work, and on the virtual threads' carriers it would hold up every other request
     * @param labelPhotoDecodesPerAccount label photos one account may have decoded (or waiting to be) at once;
     *     one more is answered 429 {@code LABEL_PHOTO_DECODES_BUSY}
     */
    public record Limits(Duration idleTimeout, int maxConnections, int labelPhotoDecodes,
            int labelPhotoDecodesPerAccount) {

        /** 60 s idle, 10,000 connections, half the processors (at least one) decoding, two photos per account. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 10_000,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 2);

        public Limits {
            if (idleTimeout == null || idleTimeout.toMillis() <= 0) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
            }
            if (maxConnections < 1 || labelPhotoDecodes < 1 || labelPhotoDecodesPerAccount < 1) {
                throw new IllegalArgumentException("the limits must be positive");
            }
        }
    }

    public static final int DEFAULT_MAX_BODY_BYTES = 65_536;
    /** The shortest integration key accepted: long enough that it cannot be guessed (e.g. 32 random hex digits). */
    public static final int MIN_INTEGRATION_KEY_LENGTH = 32;
    private static final int MAX_INTEGRATION_KEY_LENGTH = 512;
    /** An integration's name, as the plan history shows it: letters, digits, dots, dashes and underscores. */
    private static final Pattern INTEGRATION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A key travels in an HTTP header after {@code Bearer }: printable ASCII without spaces. */
    private static final Pattern INTEGRATION_KEY = Pattern.compile("[\\x21-\\x7E]+");

    public WebSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (integrationKeys == null) {
            throw new IllegalArgumentException("integrationKeys must not be null (empty: no integration may call)");
        }
        integrationKeys = Map.copyOf(integrationKeys);
        checkIntegrationKeys(integrationKeys);
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        Objects.requireNonNull(tls, "tls");
    }

    /** Plain HTTP with the default {@link Limits}. */
    public WebSettings(String host, int port, int maxBodyBytes, Map<String, String> integrationKeys) {
        this(host, port, maxBodyBytes, integrationKeys, Limits.DEFAULT, Optional.empty());
    }

    /** Plain HTTP with these limits. */
    public WebSettings(String host, int port, int maxBodyBytes, Map<String, String> integrationKeys, Limits limits) {
        this(host, port, maxBodyBytes, integrationKeys, limits, Optional.empty());
    }

    public WebSettings withLimits(Limits other) {
        return new WebSettings(host, port, maxBodyBytes, integrationKeys, other, tls);
    }

    public WebSettings withTls(Optional<Tls> certificate) {
        return new WebSettings(host, port, maxBodyBytes, integrationKeys, limits, certificate);
    }

    /** Without integrations: the integration endpoints refuse everyone. */
    public WebSettings(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, Map.of());
    }

    /** With the default body limit and without integrations. */
    public WebSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_BODY_BYTES);
    }

    /** The integrations' names only: the keys never reach a log. */
    @Override
    public String toString() {
        return "WebSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes
                + ", integrations=" + new TreeSet<>(integrationKeys.keySet()) + ", limits=" + limits + ", tls=" + tls + "]";
    }

    /** The messages name the integration, never its key. */
    private static void checkIntegrationKeys(Map<String, String> keys) {
        Set<String> seen = new HashSet<>();
        for (String name : new TreeSet<>(keys.keySet())) {
            if (!INTEGRATION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an integration's name must be 1 to 64 letters, digits, dots, dashes "
                        + "or underscores, starting with a letter or digit");
            }
            String key = keys.get(name);
            if (key.length() < MIN_INTEGRATION_KEY_LENGTH || key.length() > MAX_INTEGRATION_KEY_LENGTH) {
                throw new IllegalArgumentException("the key of the integration " + name + " must be "
                        + MIN_INTEGRATION_KEY_LENGTH + " to " + MAX_INTEGRATION_KEY_LENGTH + " characters long");
            }
            if (!INTEGRATION_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("the key of the integration " + name
                        + " must be printable ASCII without spaces");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("the integration " + name
                        + " has the same key as another one; each integration needs its own key");
            }
        }
    }
}
