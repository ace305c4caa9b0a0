package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** "Send a co-worker an invite to the portal": the address, as typed in (it may be empty). */
public record InviteCoworkerCommand(AuthenticatedUser user, String email) {

    public InviteCoworkerCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
    }
}
