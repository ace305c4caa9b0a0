package com.smartconnect.application.device;

import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.ProductId;

/**
 * Where devices' answers to commands go, called inside the ingest transaction: the command outbox
 * ({@link DeviceCommandService}) settles the command the answer names. A collaboration inside the device context, not
 * a port.
 */
public interface CommandAcknowledgements {

    void acknowledged(ProductId productId, CommandAck ack);
}
