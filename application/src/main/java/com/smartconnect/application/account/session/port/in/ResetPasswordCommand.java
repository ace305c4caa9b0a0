package com.smartconnect.application.account.session.port.in;

import java.util.Objects;

/** The new password entered on the page that a reset link opens, with the link's token. */
public record ResetPasswordCommand(String token, String newPassword) {

    public ResetPasswordCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[token=****, newPassword=****]";
    }
}
