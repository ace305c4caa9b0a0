package com.smartconnect.application.device.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.device.DeviceCommand;
import java.util.List;

/** What asking a UPS to do something came to. */
public sealed interface DeviceCommandResult {

    /** The command is in the outbox, pending until the device takes it. */
    record Issued(DeviceCommand command) implements DeviceCommandResult {
    }

    /** Invalid input, each error naming its field. */
    record Invalid(List<FieldError> errors) implements DeviceCommandResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** The user neither owns nor sees the device. */
    record NotFound() implements DeviceCommandResult {
    }

    /** A co-worker of the owner may not control the device. */
    record NotOwner() implements DeviceCommandResult {
    }

    /** Remote outlet reboot needs two-factor authentication turned on and passed by this session. */
    record TwoFactorRequired() implements DeviceCommandResult {
    }

    /** The device's plan does not include this command (remote outlet reboot: Advanced, or the free period). */
    record PlanDoesNotInclude(com.smartconnect.domain.plan.Plan plan) implements DeviceCommandResult {
    }

    /** The device did not list this outlet group in its birth. */
    record UnknownOutletGroup(List<String> outletGroups) implements DeviceCommandResult {
        public UnknownOutletGroup {
            outletGroups = List.copyOf(outletGroups);
        }
    }
}
