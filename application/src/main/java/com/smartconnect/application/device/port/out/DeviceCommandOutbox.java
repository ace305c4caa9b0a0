package com.smartconnect.application.device.port.out;

import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox of device commands. A service adds a command inside the transaction of the change that
 * causes it; a dispatcher claims and publishes it, reports it delivered; the device's ack settles it.
 */
public interface DeviceCommandOutbox {

    /** Records a pending command, as part of the current transaction. */
    void add(DeviceCommand command);

    Optional<DeviceCommand> find(String commandId);

    /**
     * Claims up to {@code limit} pending, unexpired commands of these devices that no lease holds at {@code now},
     * oldest first, for {@code lease}; no other caller on any instance claims them meanwhile.
     */
    List<DeviceCommand> claimPending(Collection<ProductId> devices, Instant now, int limit, Duration lease);

    /** A pending command becomes delivered; {@code false} if it was not pending. */
    boolean markDelivered(String commandId, Instant at);

    /**
     * The device's answer: a pending or delivered command of this device becomes {@code OK} or {@code FAILED};
     * {@code false} if no such command waits for an answer (unknown, another device's, settled already).
     */
    boolean settle(ProductId productId, String commandId, DeviceCommandState result, Optional<String> message,
            Instant at);

    /**
     * A pending command that must not be sent any more (its issuer no longer owns the device) becomes expired, with
     * {@code reason} as its message; {@code false} if it was not pending.
     */
    boolean withdraw(String commandId, Instant at, String reason);

    /** The message of a command the device received and never answered, once it expired. */
    String UNANSWERED = "The UPS received the command but did not answer before it expired.";

    /**
     * Commands whose time ran out at {@code now} become expired: pending ones (never sent), and delivered ones the
     * device has not answered, once they were delivered at least {@code answerWindow} ago as well (with
     * {@link #UNANSWERED} as their message, so one delivered just before its expiry still has time to be answered);
     * answers how many.
     */
    int expire(Instant now, Duration answerWindow);
}
