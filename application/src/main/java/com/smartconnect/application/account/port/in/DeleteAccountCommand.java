package com.smartconnect.application.account.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * "Delete My Account": the logged-in user confirms with their password, and with a two-factor code (app, mail or
 * recovery code) when two-factor authentication is on.
 */
public record DeleteAccountCommand(AuthenticatedUser user, String password, Optional<String> code) {

    public DeleteAccountCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(code, "code");
    }

    /** Without a code: enough while two-factor authentication is off. */
    public DeleteAccountCommand(AuthenticatedUser user, String password) {
        this(user, password, Optional.empty());
    }

    @Override
    public String toString() {
        return "DeleteAccountCommand[user=" + user + ", password=****, code=" + (code.isPresent() ? "****" : "none") + "]";
    }
}
