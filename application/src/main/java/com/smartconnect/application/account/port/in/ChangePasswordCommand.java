package com.smartconnect.application.account.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** A logged-in user changes their password; the current one is asked again. */
public record ChangePasswordCommand(AuthenticatedUser user, String currentPassword, String newPassword) {

    public ChangePasswordCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[user=" + user + ", currentPassword=****, newPassword=****]";
    }
}
