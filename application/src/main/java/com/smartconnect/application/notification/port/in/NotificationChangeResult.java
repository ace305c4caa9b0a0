package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.notification.NotificationId;
import java.util.List;
import java.util.Optional;

/** The outcome of a change to a device's notification settings. */
public sealed interface NotificationChangeResult {

    /** Done; the settings as they are now, and the id of the notification a create made. */
    record Changed(NotificationSettingsView settings, Optional<NotificationId> created)
            implements NotificationChangeResult {
        public Changed {
            java.util.Objects.requireNonNull(settings, "settings");
            java.util.Objects.requireNonNull(created, "created");
        }

        /** A change other than a create. */
        public Changed(NotificationSettingsView settings) {
            this(settings, Optional.empty());
        }
    }

    /** The input is wrong: each field error says what to fix. */
    record Invalid(List<FieldError> errors) implements NotificationChangeResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** No such device for this user (not registered, or someone else's and not their company's). */
    record DeviceNotFound() implements NotificationChangeResult {
    }

    /** A co-worker: only the account owner who registered the UPS manages its notifications. */
    record NotOwner() implements NotificationChangeResult {
    }

    /** The device has no notification of this id. */
    record NotificationNotFound() implements NotificationChangeResult {
    }

    /** The device has as many notifications as it may have. */
    record TooMany(int max) implements NotificationChangeResult {
    }
}
