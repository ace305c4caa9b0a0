package com.smartconnect.application.account.session.port.in;

import java.util.Objects;
import java.util.Optional;

/** The second step of a login: the token of the first step and a code (app, mail, or recovery code). */
public record CompleteLogInCommand(String challengeToken, String code, Optional<String> remoteAddress) {

    public CompleteLogInCommand {
        Objects.requireNonNull(challengeToken, "challengeToken");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    @Override
    public String toString() {
        return "CompleteLogInCommand[challengeToken=****, code=****, remoteAddress=" + remoteAddress + "]";
    }
}
