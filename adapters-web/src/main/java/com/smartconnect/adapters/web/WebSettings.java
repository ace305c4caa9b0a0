package com.smartconnect.adapters.web;

/**
 * Where the HTTP API listens and how much it reads.
 *
 * @param host the interface to bind, such as {@code 0.0.0.0}
 * @param port the port; {@code 0} picks any free port (tests read the real one from {@link HttpApi#start})
 * @param maxBodyBytes the largest request body accepted; bigger ones are answered 413 without being read
 */
public record WebSettings(String host, int port, int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY_BYTES = 65_536;

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
    }

    public WebSettings(String host, int port) {
        this(host, port, DEFAULT_MAX_BODY_BYTES);
    }
}
