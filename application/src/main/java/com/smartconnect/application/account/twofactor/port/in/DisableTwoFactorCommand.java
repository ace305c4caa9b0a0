package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** "Turn Off" two-factor authentication: the password and a code (from the app, the mail, or a recovery code). */
public record DisableTwoFactorCommand(AuthenticatedUser user, String password, String code) {

    public DisableTwoFactorCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "DisableTwoFactorCommand[user=" + user + ", password=****, code=****]";
    }
}
