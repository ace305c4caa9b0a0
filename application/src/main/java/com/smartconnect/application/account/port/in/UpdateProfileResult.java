package com.smartconnect.application.account.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;
import java.util.Objects;

/** The answer to a profile change. */
public sealed interface UpdateProfileResult {

    /** Saved; the profile as it is now. */
    record Updated(Profile profile) implements UpdateProfileResult {
        public Updated {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** Some fields are invalid; every one is listed. Nothing was saved. */
    record Invalid(List<FieldError> errors) implements UpdateProfileResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
