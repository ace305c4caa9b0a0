package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command outbox in a map, with the claims' leases. */
public final class InMemoryDeviceCommandOutbox implements DeviceCommandOutbox {

    private final Map<String, DeviceCommand> commands = new LinkedHashMap<>();
    private final Map<String, Instant> leasedUntil = new HashMap<>();

    @Override
    public synchronized void add(DeviceCommand command) {
        commands.put(command.commandId(), command);
    }

    @Override
    public synchronized Optional<DeviceCommand> find(String commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public synchronized List<DeviceCommand> claimPending(Collection<ProductId> devices, Instant now, int limit,
            Duration lease) {
        List<DeviceCommand> due = commands.values().stream()
                .filter(c -> c.state() == DeviceCommandState.PENDING && devices.contains(c.productId()))
                .filter(c -> c.expiresAt().isAfter(now))
                .filter(c -> !leasedUntil.getOrDefault(c.commandId(), Instant.MIN).isAfter(now))
                .sorted(Comparator.comparing(DeviceCommand::issuedAt)).limit(limit).toList();
        due.forEach(c -> leasedUntil.put(c.commandId(), now.plus(lease)));
        return due;
    }

    @Override
    public synchronized boolean markDelivered(String commandId, Instant at) {
        DeviceCommand c = commands.get(commandId);
        if (c == null || c.state() != DeviceCommandState.PENDING) {
            return false;
        }
        commands.put(commandId, new DeviceCommand(c.commandId(), c.productId(), c.type(), c.argument(), c.issuedBy(),
                c.issuedAt(), c.expiresAt(), DeviceCommandState.DELIVERED, Optional.of(at), Optional.empty(),
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean settle(ProductId productId, String commandId, DeviceCommandState result,
            Optional<String> message, Instant at) {
        DeviceCommand c = commands.get(commandId);
        if (c == null || !c.productId().equals(productId) || c.state().isSettled()) {
            return false;
        }
        commands.put(commandId, new DeviceCommand(c.commandId(), c.productId(), c.type(), c.argument(), c.issuedBy(),
                c.issuedAt(), c.expiresAt(), result, c.deliveredAt().or(() -> Optional.of(at)), Optional.of(at),
                message));
        return true;
    }

    @Override
    public synchronized boolean withdraw(String commandId, Instant at, String reason) {
        DeviceCommand c = commands.get(commandId);
        if (c == null || c.state() != DeviceCommandState.PENDING) {
            return false;
        }
        commands.put(commandId, new DeviceCommand(c.commandId(), c.productId(), c.type(), c.argument(), c.issuedBy(),
                c.issuedAt(), c.expiresAt(), DeviceCommandState.EXPIRED, Optional.empty(), Optional.of(at),
                Optional.of(reason)));
        return true;
    }

    @Override
    public synchronized int expire(Instant now, Duration answerWindow) {
        int expired = 0;
        for (DeviceCommand c : List.copyOf(commands.values())) {
            boolean unanswered = c.state() == DeviceCommandState.DELIVERED
                    && !c.deliveredAt().orElseThrow().isAfter(now.minus(answerWindow));
            if ((c.state() == DeviceCommandState.PENDING || unanswered) && !c.expiresAt().isAfter(now)) {
                commands.put(c.commandId(), new DeviceCommand(c.commandId(), c.productId(), c.type(), c.argument(),
                        c.issuedBy(), c.issuedAt(), c.expiresAt(), DeviceCommandState.EXPIRED, c.deliveredAt(),
                        Optional.of(now), unanswered ? Optional.of(UNANSWERED) : Optional.empty()));
                expired++;
            }
        }
        return expired;
    }

    /** Every command, in the order added. */
    public synchronized List<DeviceCommand> all() {
        return List.copyOf(commands.values());
    }
}
