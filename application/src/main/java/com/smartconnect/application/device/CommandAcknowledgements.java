package com.smartconnect.application.device;

import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.ProductId;

/**
 * Where devices' answers to commands go. Called inside the ingest transaction. The command outbox (a later step)
 * implements it to settle the command; until then an implementation only logs.
 */
public interface CommandAcknowledgements {

    void acknowledged(ProductId productId, CommandAck ack);
}
