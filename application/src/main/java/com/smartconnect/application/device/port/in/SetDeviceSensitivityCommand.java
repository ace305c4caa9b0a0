package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The owner sets how sensitive the UPS is to poor input power: {@code LOW}, {@code NORMAL} or {@code HIGH}. */
public record SetDeviceSensitivityCommand(AuthenticatedUser user, String productId, String sensitivity) {

    public SetDeviceSensitivityCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
    }
}
