package com.smartconnect.simulator;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A fleet of simulated devices: connects them (a bounded number of connects at once), then drives their events either
 * as fast as the broker acknowledges them ({@link #sendClosedLoop}, each device keeping its window of unacknowledged
 * events full) or at a fixed total rate ({@link #sendAtRate}), and disconnects them.
 */
public final class Fleet implements AutoCloseable {

    private final FleetSettings settings;
    private final FleetStatistics statistics = new FleetStatistics();
    private final Optional<ClientThreads> threads = ClientThreads.create();
    private final ScheduledThreadPoolExecutor timers;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean statuses;
    private final AtomicInteger connectFailures = new AtomicInteger();

    public Fleet(FleetSettings settings) {
        this.settings = settings;
        this.timers = threads.<ScheduledThreadPoolExecutor>map(t -> t).orElseGet(ClientThreads::timers);
    }

    public FleetStatistics statistics() {
        return statistics;
    }

    public List<SimulatedDevice> devices() {
        return List.copyOf(devices);
    }

    /** Connects every device and waits for their births to be acknowledged; answers how many made it. */
    public int connect(Duration timeout) throws InterruptedException {
        SocketFactory sockets = settings.tls() && settings.insecureTls() ? trustingAnyCertificate() : null;
        Semaphore connecting = new Semaphore(settings.connectsAtOnce());
        List<CompletableFuture<Void>> births = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < settings.devices(); i++) {
            DeviceIdentity identity = DeviceIdentity.of(settings.seed(), settings.firstDevice() + i);
            SimulatedDevice device;
            try {
                device = new SimulatedDevice(identity, settings, statistics, timers, threads.orElse(null), sockets);
            } catch (MqttException e) {
                throw new IllegalStateException("cannot create the MQTT client of " + identity.productId(), e);
            }
            devices.add(device);
            if (!connecting.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            births.add(device.connect().whenComplete((ok, failure) -> {
                connecting.release();
                if (failure != null) {
                    connectFailures.incrementAndGet();
                }
            }));
        }
        try {
            CompletableFuture.allOf(births.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // counted below
        }
        return (int) births.stream().filter(b -> b.isDone() && !b.isCompletedExceptionally()).count();
    }

    public int connectFailures() {
        return connectFailures.get();
    }

    /** Each connected device keeps its window of events full until {@link #stopSending()}. */
    public void sendClosedLoop() {
        sendClosedLoop(false);
    }

    /**
     * As {@link #sendClosedLoop()}, with statuses instead of events when {@code statuses}: the statistics count their
     * acknowledgements as events'.
     */
    public void sendClosedLoop(boolean statuses) {
        this.statuses = statuses;
        sending.set(true);
        for (SimulatedDevice device : devices) {
            if (device.isConnected()) {
                for (int i = 0; i < settings.eventsInFlightPerDevice(); i++) {
                    sendNext(device);
                }
            }
        }
    }

    private void sendNext(SimulatedDevice device) {
        if (sending.get()) {
            if (statuses) {
                device.sendStatus(() -> sendNext(device));
            } else {
                device.sendEvent(() -> sendNext(device));
            }
        }
    }

    /**
     * Offers {@code eventsPerSecond} events in total, spread over the devices in turn, for {@code duration}; answers
     * how many could not be sent because the device's window was full (the broker fell behind the offered load).
     */
    public long sendAtRate(double eventsPerSecond, Duration duration) throws InterruptedException {
        List<SimulatedDevice> connected = devices.stream().filter(SimulatedDevice::isConnected).toList();
        if (connected.isEmpty() || eventsPerSecond <= 0) {
            Thread.sleep(duration.toMillis());
            return 0;
        }
        sending.set(true);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long offered = 0;
        long notSent = 0;
        int next = 0;
        while (sending.get()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * eventsPerSecond);
            for (; offered < due; offered++) {
                SimulatedDevice device = connected.get(next);
                next = (next + 1) % connected.size();
                if (!device.sendEvent(() -> { })) {
                    notSent++;
                }
            }
            Thread.sleep(0, 500_000);
        }
        sending.set(false);
        return notSent;
    }

    public void stopSending() {
        sending.set(false);
    }

    /** Waits until every event sent is acknowledged (or failed), up to the timeout. */
    public void awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && statistics.eventsAcknowledged() + statistics.failures() < statistics.eventsSent()) {
            Thread.sleep(10);
        }
    }

    /** Disconnects every device cleanly, a few at a time. */
    @Override
    public void close() {
        stopSending();
        devices.parallelStream().forEach(SimulatedDevice::disconnect);
        threads.ifPresentOrElse(ClientThreads::terminate, timers::shutdownNow);
    }

    static SocketFactory trustingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // a simulator, for test certificates
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // a simulator, for test certificates
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context.getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }
}
