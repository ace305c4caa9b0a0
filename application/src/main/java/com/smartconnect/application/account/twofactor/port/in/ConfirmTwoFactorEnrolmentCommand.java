package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The first code from the authenticator app, or the mailed code, that turns two-factor authentication on. */
public record ConfirmTwoFactorEnrolmentCommand(AuthenticatedUser user, String code) {

    public ConfirmTwoFactorEnrolmentCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "ConfirmTwoFactorEnrolmentCommand[user=" + user + ", code=****]";
    }
}
