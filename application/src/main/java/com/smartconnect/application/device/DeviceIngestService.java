package com.smartconnect.application.device;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.ProductId;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a batch of device messages in one transaction (the group commit of the MQTT adapter): the last birth,
 * the latest status, each event once, command acknowledgements, and when the senders of anything but events were
 * last seen. A message the domain refuses is rejected on its own (counted, logged) without failing the others; a
 * database failure fails the whole batch, and nothing of it is stored. The events stored go on to the Event
 * Notifications in the same transaction; the statuses stored go into the status history's buckets in memory once the
 * batch is committed ({@link StatusHistoryRecorder}: each bucket is written once, when its five minutes are over).
 */
public final class DeviceIngestService implements IngestDeviceMessagesUseCase {

    private static final System.Logger LOG = System.getLogger(DeviceIngestService.class.getName());

    private final Clock clock;
    private final Transactions transactions;
    private final DeviceStateRepository states;
    private final DeviceEventRepository events;
    private final CommandAcknowledgements acks;
    private final DeviceMessageCounters counters;
    private final DeviceEventListener notifications;
    private final StatusHistoryRecorder history;

    /** Without a status history. */
    public DeviceIngestService(Clock clock, Transactions transactions, DeviceStateRepository states,
            DeviceEventRepository events, CommandAcknowledgements acks, DeviceMessageCounters counters,
            DeviceEventListener notifications) {
        this(clock, transactions, states, events, acks, counters, notifications, StatusHistoryRecorder.off());
    }

    @Inject
    public DeviceIngestService(Clock clock, Transactions transactions, DeviceStateRepository states,
            DeviceEventRepository events, CommandAcknowledgements acks, DeviceMessageCounters counters,
            DeviceEventListener notifications, StatusHistoryRecorder history) {
        this.clock = clock;
        this.transactions = transactions;
        this.states = states;
        this.events = events;
        this.acks = acks;
        this.counters = counters;
        this.notifications = notifications;
        this.history = history;
    }

    @Override
    public List<IngestOutcome> ingest(List<IncomingDeviceMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // The devices whose state row this batch writes: all senders but those of events only. An event does not
        // mark its device seen: a connected device is marked seen every minute (and when it connects, disconnects or
        // reports its state), so marking it for each event would rewrite its state row, with every index, for
        // nothing the portal shows (BENCHMARKS.md).
        Set<ProductId> stateWriters = new LinkedHashSet<>();
        messages.stream().filter(incoming -> !(incoming.message() instanceof DeviceMessage.Event))
                .forEach(incoming -> stateWriters.add(incoming.productId()));
        List<StatusHistoryRecorder.Reported> statuses = new ArrayList<>();
        List<IngestOutcome> outcomes = transactions.inTransaction(() -> {
            // A transaction that is tried again starts over.
            statuses.clear();
            // First: those rows are locked in key order before anything else touches them, so committers and the
            // connection tracker never wait for each other in opposite orders (a deadlock).
            states.seenAll(stateWriters, now);
            List<IngestOutcome> stored = new ArrayList<>(messages.size());
            // Events are stored together at the end, in a few statements rather than one per event.
            List<DeviceEvent> events = new ArrayList<>();
            List<Integer> eventPositions = new ArrayList<>();
            for (IncomingDeviceMessage incoming : messages) {
                if (incoming.message() instanceof DeviceMessage.Event event) {
                    try {
                        events.add(DeviceEvent.reported(incoming.productId(), event.eventId(), event.type(),
                                event.occurredAt(), now, event.detailsJson()));
                        eventPositions.add(stored.size());
                        stored.add(null);
                    } catch (DomainViolation refused) {
                        stored.add(new IngestOutcome.Rejected(refused.getMessage()));
                    }
                } else {
                    IngestOutcome outcome = store(incoming, now);
                    stored.add(outcome);
                    if (outcome instanceof IngestOutcome.Stored && incoming.message() instanceof DeviceMessage.Status s) {
                        statuses.add(new StatusHistoryRecorder.Reported(incoming.productId(), s.status()));
                    }
                }
            }
            List<Boolean> added = events.isEmpty() ? List.of() : this.events.addAll(events);
            List<DeviceEvent> fresh = new ArrayList<>();
            for (int i = 0; i < eventPositions.size(); i++) {
                stored.set(eventPositions.get(i), added.get(i) ? new IngestOutcome.Stored() : new IngestOutcome.Duplicate());
                if (added.get(i)) {
                    fresh.add(events.get(i));
                }
            }
            // In the same transaction: an event is notified exactly when it is stored, never for a redelivery.
            notifications.eventsStored(fresh, now);
            return stored;
        });
        // Into the history once committed only: a batch that fails and is sent again counts once.
        history.record(statuses, now);
        // Counted after the commit only, so a batch that fails and is sent again is not counted twice.
        for (int i = 0; i < messages.size(); i++) {
            IncomingDeviceMessage incoming = messages.get(i);
            if (outcomes.get(i) instanceof IngestOutcome.Rejected rejected) {
                counters.rejected("refused-by-domain");
                LOG.log(Level.WARNING, "Rejected a message of {0}: {1}", incoming.productId(), rejected.reason());
            } else if (outcomes.get(i) instanceof IngestOutcome.Stored
                    && incoming.message() instanceof DeviceMessage.Event event
                    && DeviceEventType.known(event.type()).isEmpty()) {
                counters.unknownEventType();
                LOG.log(Level.INFO, "{0} sent an event of unknown type {1}, kept as info", incoming.productId(),
                        event.type());
            }
        }
        return outcomes;
    }

    private IngestOutcome store(IncomingDeviceMessage incoming, Instant now) {
        ProductId productId = incoming.productId();
        try {
            return switch (incoming.message()) {
                case DeviceMessage.Birth birth -> {
                    states.recordBirth(productId, birth.birth());
                    yield new IngestOutcome.Stored();
                }
                case DeviceMessage.Status status -> {
                    states.recordStatus(productId, status.status());
                    yield new IngestOutcome.Stored();
                }
                case DeviceMessage.Event event ->
                        throw new IllegalStateException("events are stored together, by the batch");
                case DeviceMessage.Connection connection -> new IngestOutcome.Stored();
                case DeviceMessage.Ack ack -> {
                    acks.acknowledged(productId, ack.ack());
                    yield new IngestOutcome.Stored();
                }
            };
        } catch (DomainViolation refused) {
            return new IngestOutcome.Rejected(refused.getMessage());
        }
    }
}
