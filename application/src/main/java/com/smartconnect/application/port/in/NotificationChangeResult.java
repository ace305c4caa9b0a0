package com.smartconnect.application.port.in;

import java.util.List;

/** The outcome of a change to a device's notification settings. */
public sealed interface NotificationChangeResult {

    /** Done; the settings as they are now. */
    record Changed(NotificationSettingsView settings) implements NotificationChangeResult {
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
