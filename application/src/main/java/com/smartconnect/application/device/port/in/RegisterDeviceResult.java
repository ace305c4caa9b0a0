package com.smartconnect.application.device.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.time.Duration;
import java.util.List;

/** What registering a UPS came to; every refusal tells the user what to do. */
public sealed interface RegisterDeviceResult {

    /** Registered to the user (also when it was theirs already); {@code offerReseller}: show the Reseller step. */
    record Registered(RegisteredDeviceView device, boolean offerReseller) implements RegisterDeviceResult {
    }

    /** The Product ID, Product Key or QR URL is malformed; each error names its field. */
    record Invalid(List<FieldError> errors) implements RegisterDeviceResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** No catalogued UPS has this Product ID and Product Key: one answer for both, so IDs cannot be probed. */
    record NotRecognised() implements RegisterDeviceResult {
    }

    /** Too many unrecognised codes lately: the account may try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements RegisterDeviceResult {
    }

    /** The UPS never connected: allow 4-5 minutes after connecting it. */
    record NeverConnected() implements RegisterDeviceResult {
    }

    /** The UPS reported that SmartConnect is not enabled on it. */
    record SmartConnectNotEnabled() implements RegisterDeviceResult {
    }

    /** The UPS is registered to another account. */
    record RegisteredToAnotherAccount() implements RegisterDeviceResult {
    }
}
