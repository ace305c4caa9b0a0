package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * The UPS profile form: each field present is changed, an absent one kept. An empty name or description clears it;
 * the time zone is an IANA id such as {@code Europe/Paris}.
 */
public record UpdateDeviceProfileCommand(
        AuthenticatedUser user,
        String productId,
        Optional<String> name,
        Optional<String> description,
        Optional<String> timeZone,
        Optional<Boolean> notifications) {

    public UpdateDeviceProfileCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(notifications, "notifications");
    }
}
