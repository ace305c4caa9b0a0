package com.smartconnect.application.account.session.port.in;

import java.util.Objects;
import java.util.Optional;

/** A login with e-mail address and password, from a client address if known (it is throttled too). */
public record LogInCommand(String email, String password, Optional<String> remoteAddress) {

    public LogInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    @Override
    public String toString() {
        return "LogInCommand[email=" + email + ", password=****, remoteAddress=" + remoteAddress + "]";
    }
}
