package com.smartconnect.application.account.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** A logged-in user asks to change their e-mail address, confirming with their password. */
public record RequestEmailChangeCommand(AuthenticatedUser user, String password, String newEmail) {

    public RequestEmailChangeCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(newEmail, "newEmail");
    }

    @Override
    public String toString() {
        return "RequestEmailChangeCommand[user=" + user + ", password=****, newEmail=" + newEmail + "]";
    }
}
