package com.smartconnect.adapters.mqtt;

/**
 * A payload that can never be stored: {@code reason} is a short stable category for the counters
 * ({@code too-large}, {@code malformed-json}, {@code missing-field}, {@code invalid-value}, {@code unknown-topic}),
 * the message says what exactly, for the log.
 */
final class RejectedPayload extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String TOO_LARGE = "too-large";
    static final String MALFORMED_JSON = "malformed-json";
    static final String MISSING_FIELD = "missing-field";
    static final String INVALID_VALUE = "invalid-value";
    static final String UNKNOWN_TOPIC = "unknown-topic";

    private final String reason;

    RejectedPayload(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
