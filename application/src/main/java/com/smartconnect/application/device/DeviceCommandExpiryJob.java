package com.smartconnect.application.device;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import jakarta.inject.Inject;
import java.time.Duration;

/** Expires the device commands that were not delivered or not answered in time. */
public final class DeviceCommandExpiryJob implements Job {

    /** A command lives for minutes; a minute late is no matter. */
    public static final Duration CADENCE = Duration.ofMinutes(1);

    private final DeliverDeviceCommandsUseCase useCase;

    @Inject
    public DeviceCommandExpiryJob(DeliverDeviceCommandsUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public String name() {
        return "device-command-expiry";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public int runDue() {
        return useCase.expireOverdue();
    }

    @Override
    public String counts() {
        return "device commands expired";
    }
}
