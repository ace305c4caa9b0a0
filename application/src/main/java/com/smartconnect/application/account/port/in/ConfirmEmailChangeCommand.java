package com.smartconnect.application.account.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The code from the mail to the new address, entered by the logged-in user. */
public record ConfirmEmailChangeCommand(AuthenticatedUser user, String code) {

    public ConfirmEmailChangeCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(code, "code");
    }
}
