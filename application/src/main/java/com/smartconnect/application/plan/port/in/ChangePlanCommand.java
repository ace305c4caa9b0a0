package com.smartconnect.application.plan.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Another application (the store, a reseller's system) activates or extends a device's plan.
 *
 * @param productId the Product ID as given (normalised and checked by the use case)
 * @param plan {@code BASIC}, {@code STANDARD} or {@code ADVANCED}
 * @param endsOn the last day of the plan ({@code YYYY-MM-DD}, UTC); required except for Basic
 * @param source the name of the integration making the change (1 to 64 characters), kept in the history
 */
public record ChangePlanCommand(String productId, String plan, Optional<String> endsOn, String source) {

    public ChangePlanCommand {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(source, "source");
        if (source.isBlank() || source.length() > 64) {
            throw new IllegalArgumentException("the source names the integration in 1 to 64 characters");
        }
    }
}
