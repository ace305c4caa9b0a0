package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.device.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a UPS's event log, newest first: events that occurred in {@code [from, to)}, of one type and severity if
 * given, after the cursor of the previous page, at most {@code limit} (1 to {@link #MAX_LIMIT}).
 */
public record DeviceEventCriteria(
        AuthenticatedUser user,
        String productId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> type,
        Optional<Severity> severity,
        int limit,
        Optional<String> after) {

    public static final int MAX_LIMIT = 1000;

    public DeviceEventCriteria {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(after, "after");
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
