package com.smartconnect.application.device.port.in;

/**
 * The periodic job of the offline grace period: every device disconnected for longer than the grace period, and not
 * reported yet, gets one server-generated {@code COMMUNICATION_LOST} event. Each device is claimed through the
 * database, so any number of instances may run the job at once without reporting a device twice.
 */
public interface ReportLostCommunicationUseCase {

    /** Reports what is due now; answers how many devices it reported. */
    int reportLostCommunication();
}
