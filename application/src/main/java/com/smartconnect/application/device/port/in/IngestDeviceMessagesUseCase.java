package com.smartconnect.application.device.port.in;

import java.util.List;

/**
 * Stores what devices sent, many messages at once in one transaction (a group commit: one commit for the messages
 * of many connections, those that arrived while the previous commit ran). When it returns, every message it answered
 * {@link IngestOutcome.Stored} for is durable, so the adapter may acknowledge them all; when it throws, nothing was
 * stored and nothing must be acknowledged (the devices send again).
 */
public interface IngestDeviceMessagesUseCase {

    /** One outcome per message, in the same order. */
    List<IngestOutcome> ingest(List<IncomingDeviceMessage> messages);
}
