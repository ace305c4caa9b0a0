package com.smartconnect.application.device;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.port.in.ReportLostCommunicationUseCase;
import jakarta.inject.Inject;
import java.time.Duration;

/** Reports the devices whose grace period after they went offline has passed (COMMUNICATION_LOST). */
public final class OfflineGraceJob implements Job {

    /** Devices are reported lost within this long after their grace period ends. */
    public static final Duration CADENCE = Duration.ofSeconds(30);

    private final ReportLostCommunicationUseCase useCase;

    @Inject
    public OfflineGraceJob(ReportLostCommunicationUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public String name() {
        return "offline-grace";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public int runDue() {
        return useCase.reportLostCommunication();
    }

    @Override
    public String counts() {
        return "devices whose communication was lost";
    }
}
