package com.smartconnect.bootstrap;

import com.smartconnect.application.port.out.CommandAcknowledgements;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.ProductId;
import java.lang.System.Logger.Level;

/**
 * Devices' answers to commands, until the command outbox exists (a later step of issue 4): they are only logged.
 * The command outbox will implement {@link CommandAcknowledgements} in the persistence adapter and replace this.
 */
final class LoggedCommandAcknowledgements implements CommandAcknowledgements {

    private static final System.Logger LOG = System.getLogger(LoggedCommandAcknowledgements.class.getName());

    @Override
    public void acknowledged(ProductId productId, CommandAck ack) {
        LOG.log(Level.INFO, "{0} answered command {1}: {2}{3}", productId, ack.commandId(), ack.ok() ? "OK" : "FAILED",
                ack.message().map(m -> " (" + m + ")").orElse(""));
    }
}
