package com.smartconnect.application.fake;

import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link LifecycleReminderRepository} in memory. The events due are those the test puts in (the database derives
 * them from the catalog, the device's births, its registration, the plans and the connections; its contract test
 * covers that); the records of reminders sent refuse a second insert like the primary keys do.
 */
public final class InMemoryLifecycleReminders implements LifecycleReminderRepository {

    private static final Comparator<DueEvent> ORDER = Comparator.comparing((DueEvent e) -> e.position().at())
            .thenComparing(e -> e.position().productId().value());

    private final List<DueEvent> events = new ArrayList<>();
    private final Set<String> sent = new HashSet<>();
    private final Set<String> customerReminders = new HashSet<>();

    /** An event of a device whose owner has a connected reseller; replaces the device's event of the same kind. */
    public synchronized void put(DueEvent event) {
        events.removeIf(e -> e.productId().equals(event.productId()) && e.kind() == event.kind());
        events.add(event);
    }

    /** The event is gone (resolved, or the reseller disconnected). */
    public synchronized void remove(ProductId productId, LifecycleKind kind) {
        events.removeIf(e -> e.productId().equals(productId) && e.kind() == kind);
    }

    public synchronized int sentCount() {
        return sent.size();
    }

    @Override
    public synchronized List<DueEvent> dueBetween(LifecycleKind kind, LocalDate from, LocalDate until, int limit,
            Optional<Position> after) {
        return events.stream()
                .filter(e -> e.kind() == kind && !e.dueOn().isBefore(from) && !e.dueOn().isAfter(until))
                .filter(e -> after.map(p -> ORDER.compare(e, withPosition(e, p)) > 0).orElse(true))
                .sorted(ORDER)
                .limit(limit)
                .map(this::withLatestSent)
                .toList();
    }

    private DueEvent withLatestSent(DueEvent e) {
        Optional<ReminderStage> latest = ReminderStage.ALL.reversed().stream()
                .filter(stage -> sent.contains(key(e.connectionId(), e.productId(), e.kind(), e.dueOn(), stage)))
                .findFirst();
        return new DueEvent(e.connectionId(), e.customer(), e.resellerEmail(), e.connectedAt(), e.productId(), e.kind(),
                e.dueOn(), e.model(), e.batterySku(), e.skus(), latest, e.position());
    }

    private static String key(UUID connectionId, ProductId productId, LifecycleKind kind, LocalDate dueOn,
            ReminderStage stage) {
        return connectionId + "/" + productId.value() + "/" + kind + "/" + dueOn + "/" + stage;
    }

    private static DueEvent withPosition(DueEvent e, Position p) {
        return new DueEvent(e.connectionId(), e.customer(), e.resellerEmail(), e.connectedAt(), p.productId(), e.kind(),
                e.dueOn(), e.model(), e.batterySku(), e.skus(), Optional.empty(), p);
    }

    @Override
    public synchronized boolean markSent(UUID connectionId, ProductId productId, LifecycleKind kind, LocalDate dueOn,
            ReminderStage stage, Instant sentAt) {
        return sent.add(key(connectionId, productId, kind, dueOn, stage));
    }

    @Override
    public synchronized boolean markCustomerReminder(ProductId productId, LifecycleKind kind, LocalDate dueOn,
            LocalDate on) {
        return customerReminders.add(productId.value() + "/" + kind + "/" + dueOn + "/" + on);
    }
}
