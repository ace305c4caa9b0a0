package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** "Disconnect": the customer ends the connection to their reseller. */
public record DisconnectResellerCommand(AuthenticatedUser user) {

    public DisconnectResellerCommand {
        Objects.requireNonNull(user, "user");
    }
}
