package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/**
 * One registered UPS as a logged-in user asks for it (its status page, its lifecycle events, its notification
 * settings): the Product ID as given, which the query checks; a device the user may not see is answered as absent.
 */
public record DeviceCriteria(AuthenticatedUser user, String productId) {

    public DeviceCriteria {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
    }
}
