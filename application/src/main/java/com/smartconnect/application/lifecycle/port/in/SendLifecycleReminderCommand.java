package com.smartconnect.application.lifecycle.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/**
 * The customer asks to remind their connected reseller of a lifecycle event of a UPS from its status page.
 *
 * @param kind the event's kind as in URLs: {@code battery}, {@code warranty}, {@code standard-plan}, {@code advanced-plan}
 */
public record SendLifecycleReminderCommand(AuthenticatedUser user, String productId, String kind) {

    public SendLifecycleReminderCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(kind, "kind");
    }
}
