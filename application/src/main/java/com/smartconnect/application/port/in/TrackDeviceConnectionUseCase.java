package com.smartconnect.application.port.in;

import com.smartconnect.domain.device.ProductId;

/**
 * What the server itself knows of a device's connection: that it connected (after authentication) and that its
 * connection ended. A device that comes back after {@link ReportLostCommunicationUseCase} reported it lost gets a
 * {@code COMMUNICATION_RESTORED} event.
 */
public interface TrackDeviceConnectionUseCase {

    void connected(ProductId productId);

    void disconnected(ProductId productId);
}
