package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Objects;

/** The command dispatcher claims up to {@code limit} pending commands of the devices connected to its instance. */
public record ClaimDeviceCommandsCommand(List<ProductId> connected, int limit) {

    public ClaimDeviceCommandsCommand {
        connected = List.copyOf(Objects.requireNonNull(connected, "connected"));
    }
}
