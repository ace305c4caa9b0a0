package com.smartconnect.application.port.in;

import java.util.Objects;

/** "Delete My Account": the logged-in user confirms with their password. */
public record DeleteAccountCommand(AuthenticatedUser user, String password) {

    public DeleteAccountCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DeleteAccountCommand[user=" + user + ", password=****]";
    }
}
