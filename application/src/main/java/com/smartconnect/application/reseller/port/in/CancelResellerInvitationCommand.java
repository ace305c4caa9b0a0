package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** "Cancel", then "Update Settings": the customer withdraws the pending invitation of their reseller. */
public record CancelResellerInvitationCommand(AuthenticatedUser user) {

    public CancelResellerInvitationCommand {
        Objects.requireNonNull(user, "user");
    }
}
