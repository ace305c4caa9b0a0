package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.ProductId;
import java.util.Collection;

/**
 * What the server itself knows of a device's connection: that it connected (after authentication) and that its
 * connection ended. A device that comes back after {@link ReportLostCommunicationUseCase} reported it lost gets a
 * {@code COMMUNICATION_RESTORED} event.
 */
public interface TrackDeviceConnectionUseCase {

    void connected(ProductId productId);

    void disconnected(ProductId productId);

    /**
     * The endpoint's periodic word (every minute) that these devices are still connected to it: they are marked
     * seen. A device whose instance dies is no longer marked, and is reported lost once it goes unseen past the grace
     * period and {@link com.smartconnect.domain.device.OfflineGrace#STALE_MARGIN}.
     */
    void stillConnected(Collection<ProductId> productIds);
}
