package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The customer invites a reseller by e-mail address (as typed; the use case checks it). */
public record InviteResellerCommand(AuthenticatedUser user, String email) {

    public InviteResellerCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
    }
}
