package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.device.port.in.StatusHistoryCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryQuery;
import com.smartconnect.application.device.port.in.StatusHistoryView;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceEventRepository.EventFilter;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;

/**
 * The history charts of a UPS: the buckets of the range's size from its status history, and the times it ran on
 * battery from its event log. Those who may read the status page (the owner and the owner's co-workers) read it; to
 * anyone else the device does not exist.
 */
public final class StatusHistoryService implements StatusHistoryQuery {

    /** The most on-battery and power-restored events a range reads of each; a UPS switching more often is broken. */
    static final int MAX_EVENTS = 5_000;

    private final Clock clock;
    private final StatusHistoryRepository history;
    private final DeviceEventRepository events;
    private final DeviceAccessRules rules;
    private final StatusHistoryPolicy policy;
    private final StatusHistoryRecorder recorder;

    /** Reading only what the repository holds (no recorder of this instance holds buckets not written yet). */
    public StatusHistoryService(Clock clock, StatusHistoryPolicy policy, StatusHistoryRepository history,
            DeviceEventRepository events,
            AccountRepository accounts, DeviceCatalog catalog, DeviceStateRepository states,
            DeviceRegistrationRepository registrations, PlanQuery plans) {
        this(clock, policy, history, StatusHistoryRecorder.off(), events, accounts, catalog, states, registrations,
                plans);
    }

    /** Reading the repository's buckets with those {@code recorder} holds in memory, not written yet. */
    @Inject
    public StatusHistoryService(Clock clock, StatusHistoryPolicy policy, StatusHistoryRepository history,
            StatusHistoryRecorder recorder, DeviceEventRepository events,
            AccountRepository accounts, DeviceCatalog catalog, DeviceStateRepository states,
            DeviceRegistrationRepository registrations, PlanQuery plans) {
        this.clock = clock;
        this.policy = policy;
        this.history = history;
        this.recorder = recorder;
        this.events = events;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
    }

    @Override
    public Optional<StatusHistoryView> history(StatusHistoryCriteria criteria) {
        HistoryRange range = criteria.range();
        Optional<DeviceAccessRules.Visible> visible = rules.visible(criteria.device().user(), criteria.device().productId());
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        DeviceRegistration registration = visible.get().registration();
        ProductId id = registration.productId();
        Instant now = clock.instant();
        BucketSize size = range.bucketSize();
        // Whole buckets: from the one that holds the start of the range to the current one, still filling.
        Instant from = size.startOf(now.minus(range.span()));
        // What the device reported before this registration (under an earlier owner) is not this owner's to read.
        Instant registered = size.startOf(registration.registeredAt());
        if (from.isBefore(registered)) {
            from = registered;
        }
        Instant to = size.startOf(now).plus(size.length());
        Instant since = from;
        List<StatusBucket> buckets = size == BucketSize.FIVE_MINUTES ? fiveMinutes(id, since, to)
                : history.buckets(id, size, since, to);
        if (size == BucketSize.ONE_HOUR) {
            buckets = withRecentHours(id, buckets, since, to, now);
        }
        return Optional.of(new StatusHistoryView(id, range, since, to, registration.timeZone(), buckets,
                onBattery(id, since, to)));
    }

    /**
     * The hourly buckets with the hours not rolled up yet (the current one, and those since the last pass of
     * {@link StatusHistoryJob}) made from their five-minute buckets, as the job will make them.
     */
    private List<StatusBucket> withRecentHours(ProductId id, List<StatusBucket> hourly, Instant from, Instant to,
            Instant now) {
        Instant recent = policy.keptFrom(BucketSize.FIVE_MINUTES, now);
        Map<Instant, StatusBucket> byHour = new TreeMap<>();
        hourly.forEach(b -> byHour.put(b.start(), b));
        Map<Instant, StatusBucket> made = new HashMap<>();
        for (StatusBucket five : fiveMinutes(id, from.isAfter(recent) ? from : recent, to)) {
            Instant hour = BucketSize.ONE_HOUR.startOf(five.start());
            if (byHour.containsKey(hour)) {
                continue;
            }
            StatusBucket part = new StatusBucket(id, BucketSize.ONE_HOUR, hour, five.batteryChargePercent(),
                    five.batteryRuntimeSeconds(), five.loadPercent(), five.inputVoltage());
            made.merge(hour, part, StatusBucket::plus);
        }
        byHour.putAll(made);
        return List.copyOf(byHour.values());
    }

    /** The five-minute buckets in {@code [from, to)}: those written, with what the recorder holds not written yet. */
    private List<StatusBucket> fiveMinutes(ProductId id, Instant from, Instant to) {
        List<StatusBucket> written = history.buckets(id, BucketSize.FIVE_MINUTES, from, to);
        List<StatusBucket> open = recorder.open(id);
        if (open.isEmpty()) {
            return written;
        }
        Map<Instant, StatusBucket> byStart = new TreeMap<>();
        written.forEach(b -> byStart.put(b.start(), b));
        for (StatusBucket b : open) {
            if (!b.start().isBefore(from) && b.start().isBefore(to)) {
                byStart.merge(b.start(), b, StatusBucket::plus);
            }
        }
        return List.copyOf(byStart.values());
    }

    private List<OnBatteryPeriod> onBattery(ProductId id, Instant from, Instant to) {
        Optional<DeviceEvent> lastOn = latest(id, DeviceEventType.ON_BATTERY, from);
        Optional<DeviceEvent> lastRestored = latest(id, DeviceEventType.POWER_RESTORED, from);
        boolean onAtFrom = lastOn.isPresent() && (lastRestored.isEmpty()
                || lastOn.get().occurredAt().isAfter(lastRestored.get().occurredAt()));
        List<DeviceEvent> within = new ArrayList<>();
        for (DeviceEventType type : List.of(DeviceEventType.ON_BATTERY, DeviceEventType.POWER_RESTORED)) {
            within.addAll(events.newestFirst(id, new EventFilter(Optional.of(from), Optional.of(to),
                    Optional.of(type.name()), Optional.empty()), Optional.empty(), MAX_EVENTS));
        }
        return OnBatteryPeriod.within(from, onAtFrom, within);
    }

    private Optional<DeviceEvent> latest(ProductId id, DeviceEventType type, Instant before) {
        return events.newestFirst(id, new EventFilter(Optional.empty(), Optional.of(before), Optional.of(type.name()),
                Optional.empty()), Optional.empty(), 1).stream().findFirst();
    }
}
