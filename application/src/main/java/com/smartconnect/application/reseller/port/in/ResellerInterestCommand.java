package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** "Not interested?": whether adding a device offers the customer the Reseller step. */
public record ResellerInterestCommand(AuthenticatedUser user, boolean notInterested) {

    public ResellerInterestCommand {
        Objects.requireNonNull(user, "user");
    }
}
