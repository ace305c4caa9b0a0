package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The owner power-cycles one outlet group of a UPS (a name the device listed in its birth, e.g. {@code SOG1}). */
public record RebootOutletGroupCommand(AuthenticatedUser user, String productId, String outletGroup) {

    public RebootOutletGroupCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(outletGroup, "outletGroup");
    }
}
