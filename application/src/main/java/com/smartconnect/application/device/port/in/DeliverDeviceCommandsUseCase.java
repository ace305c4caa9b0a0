package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.DeviceCommand;
import java.util.List;

/**
 * The command dispatcher's side of the command outbox: it claims the pending commands of the devices connected to
 * its instance, publishes them, and reports each one the device received. The devices' acks settle them (through
 * the ingest of {@code ups/{pid}/acks}); commands that wait too long expire.
 */
public interface DeliverDeviceCommandsUseCase {

    /**
     * Claims up to the command's limit of pending commands of its devices, oldest first, for a short lease: no other
     * dispatcher claims them meanwhile, and one not reported delivered is claimed again after the lease.
     */
    List<DeviceCommand> claim(ClaimDeviceCommandsCommand command);

    /** The device acknowledged the MQTT message of the command (PUBACK): a pending command becomes delivered. */
    void delivered(String commandId);

    /** Marks expired the commands that waited past their time; answers how many. */
    int expireOverdue();
}
