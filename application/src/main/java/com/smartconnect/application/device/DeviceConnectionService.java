package com.smartconnect.application.device;

import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.ReportLostCommunicationUseCase;
import com.smartconnect.application.device.port.in.TrackDeviceConnectionUseCase;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Connects and disconnects as the server sees them, and the offline grace period: a device disconnected longer than
 * the grace period gets one {@code COMMUNICATION_LOST} event (warning), and {@code COMMUNICATION_RESTORED} (info)
 * when it connects again after that. A short disconnect within the grace period reports nothing.
 *
 * <p>An instance reports nothing until the grace period has passed since it started: after an outage of the whole
 * service every device looks unseen, and the devices that are fine need that time to connect again, so they do not
 * mail their owners about the service's outage.
 */
public final class DeviceConnectionService implements TrackDeviceConnectionUseCase, ReportLostCommunicationUseCase {

    /** Devices reported per transaction; the job runs again soon for the rest. */
    static final int BATCH = 100;

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final DeviceStateRepository states;
    private final DeviceEventRepository events;
    private final OfflineGrace grace;
    private final DeviceEventListener notifications;
    /** When this instance started to track connections. */
    private final Instant startedAt;

    @Inject
    public DeviceConnectionService(Clock clock, RandomSource random, Transactions transactions,
            DeviceStateRepository states, DeviceEventRepository events, OfflineGrace grace,
            DeviceEventListener notifications) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.states = states;
        this.events = events;
        this.grace = grace;
        this.notifications = notifications;
        this.startedAt = clock.instant();
    }

    @Override
    public void connected(ProductId productId) {
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            if (states.connected(productId, now)) {
                DeviceEvent restored = serverEvent(productId, DeviceEventType.COMMUNICATION_RESTORED, now);
                if (events.add(restored)) {
                    notifications.eventsStored(List.of(restored), now);
                }
            }
            return null;
        });
    }

    @Override
    public void disconnected(ProductId productId) {
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            states.disconnected(productId, now);
            // Seen until now: its events do not mark it seen (DeviceIngestService), so its last minutely mark may
            // be up to a minute old.
            states.seen(productId, now);
            return null;
        });
    }

    @Override
    public void stillConnected(Collection<ProductId> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // In Product ID order, a transaction per 1,000 devices: rows are locked in key order, as the ingest takes
        // them (no deadlock between the two), and held only for one chunk, not for every connected device at once.
        List<ProductId> sorted = productIds.stream().distinct().sorted(java.util.Comparator.comparing(ProductId::value))
                .toList();
        for (int from = 0; from < sorted.size(); from += STILL_CONNECTED_PER_TRANSACTION) {
            List<ProductId> chunk = sorted.subList(from, Math.min(sorted.size(), from + STILL_CONNECTED_PER_TRANSACTION));
            transactions.inTransaction(() -> {
                states.seenAll(chunk, now);
                return null;
            });
        }
    }

    /** The connected devices marked seen in one transaction. */
    static final int STILL_CONNECTED_PER_TRANSACTION = 1_000;

    @Override
    public int reportLostCommunication() {
        Instant now = clock.instant();
        if (now.isBefore(startedAt.plus(grace.period()))) {
            return 0;
        }
        Instant before = grace.disconnectedBefore(now);
        Instant unseenBefore = grace.unseenBefore(now);
        int reported = 0;
        while (true) {
            int[] due = {0};
            int claimed = transactions.inTransaction(() -> {
                List<ProductId> candidates = states.lostSince(before, unseenBefore, BATCH);
                due[0] = candidates.size();
                List<DeviceEvent> lost = new ArrayList<>();
                for (ProductId productId : candidates) {
                    // Another instance may have claimed it since it was listed: only the winner reports.
                    if (states.claimLostCommunication(productId, before, unseenBefore)) {
                        DeviceEvent event = serverEvent(productId, DeviceEventType.COMMUNICATION_LOST, now);
                        if (events.add(event)) {
                            lost.add(event);
                        }
                    }
                }
                notifications.eventsStored(lost, now);
                return lost.size();
            });
            reported += claimed;
            if (due[0] < BATCH || claimed == 0) {
                break;
            }
        }
        return reported;
    }

    private DeviceEvent serverEvent(ProductId productId, DeviceEventType type, Instant at) {
        return DeviceEvent.byServer(productId, "server-" + random.uuid(), type, at);
    }
}
