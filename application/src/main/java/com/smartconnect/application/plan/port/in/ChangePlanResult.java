package com.smartconnect.application.plan.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** The answer to a plan change. */
public sealed interface ChangePlanResult {

    /** In force at once; the plan as it is now, with its history. */
    record Changed(PlanView plan) implements ChangePlanResult {
    }

    /**
     * Refused: the device's current plan is a lower one or runs longer. Plans are activated or extended, never
     * shortened nor lowered while they run (nothing changed); the current plan is given.
     */
    record WouldShorten(PlanView current) implements ChangePlanResult {
    }

    /** No device with this Product ID is in the catalog. */
    record UnknownDevice() implements ChangePlanResult {
    }

    /** The plan, the end date or the Product ID is not valid (each field's error). */
    record Invalid(List<FieldError> errors) implements ChangePlanResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
