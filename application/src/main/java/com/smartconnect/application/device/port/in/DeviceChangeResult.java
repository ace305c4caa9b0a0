package com.smartconnect.application.device.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** What a change to a registered UPS (its profile, or unregistering it) came to. */
public sealed interface DeviceChangeResult {

    /** Changed; {@code device} is the page after the change (for an unregistered device, the page before it). */
    record Changed(RegisteredDeviceView device) implements DeviceChangeResult {
    }

    /** Invalid fields, each named. */
    record Invalid(List<FieldError> errors) implements DeviceChangeResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** The user neither owns the device nor sees it as a co-worker: for them it does not exist. */
    record NotFound() implements DeviceChangeResult {
    }

    /** A co-worker of the owner sees the device but may not manage it. */
    record NotOwner() implements DeviceChangeResult {
    }
}
