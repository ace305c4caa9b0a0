package com.smartconnect.adapters.mqtt;

import com.smartconnect.application.device.DeviceAuthenticationService;
import com.smartconnect.application.device.DeviceConnectionService;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.application.fake.CountingTransactions;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.NoEventNotifications;
import com.smartconnect.application.fake.RecordingCommandAcknowledgements;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The real device endpoint on a free port, over the application's real services and in-memory ports: two devices in
 * the catalog, a clock to move, and an ingest that counts its calls and can be held (to see what happens before a
 * commit).
 */
final class EndpointFixture implements AutoCloseable {

    static final ProductId UPS = new ProductId("AS2104123456");
    static final ProductId OTHER = new ProductId("AS2104654321");
    static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";
    static final String OTHER_SECRET = "another-secret-of-another-device-0123456789";

    final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    final InMemoryDeviceStates states = new InMemoryDeviceStates();
    final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    final DeviceMessageCounters counters = new DeviceMessageCounters();
    final CountingTransactions transactions = new CountingTransactions(new DirectTransactions());
    final DeviceConnectionService connections = new DeviceConnectionService(clock, new ScriptedRandomSource(),
            transactions, states, events, OfflineGrace.DEFAULT, NoEventNotifications.delivery());
    final HeldIngest ingest = new HeldIngest(new DeviceIngestService(clock, transactions, states, events,
            new RecordingCommandAcknowledgements(), counters, NoEventNotifications.delivery()));
    final DeviceEndpoint endpoint;
    final int port;
    private final Vertx vertx;

    EndpointFixture(Vertx vertx) throws Exception {
        this(vertx, DeviceEndpointSettings.of("127.0.0.1", 0));
    }

    EndpointFixture(Vertx vertx, DeviceEndpointSettings settings) throws Exception {
        this.vertx = vertx;
        catalog.save(entry(UPS, SECRET));
        catalog.save(entry(OTHER, OTHER_SECRET));
        endpoint = new DeviceEndpoint(settings, new DeviceEndpoint.UseCases(new DeviceAuthenticationService(catalog), ingest,
                connections, counters));
        port = endpoint.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static CatalogEntry entry(ProductId productId, String secret) {
        return CatalogEntry.manufactured(productId, new ProductKey("7KQ2M9X4B1C8DZ"), new DeviceSecret(secret),
                "SMT1500RMI2UC", "SN", "APCRBC159", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1));
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        ingest.release();
        try {
            endpoint.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // The thread stays interrupted, and the test fails.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the endpoint", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not stop the endpoint", e);
        }
    }

    /** Waits up to five seconds for a condition that other threads make true. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The ingest use case, counted, and held shut while a test holds it. */
    static final class HeldIngest implements IngestDeviceMessagesUseCase {
        private final IngestDeviceMessagesUseCase delegate;
        private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger messages = new AtomicInteger();
        private volatile boolean held;
        private final java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean();

        HeldIngest(IngestDeviceMessagesUseCase delegate) {
            this.delegate = delegate;
        }

        void hold() {
            gate.drainPermits();
            held = true;
        }

        void release() {
            if (held) {
                held = false;
                gate.release(Integer.MAX_VALUE / 2);
            }
        }

        /**
         * The next ingest fails as a failed commit does. Scripted here rather than on the transactions, which the
         * connection tracking also uses: its transaction at connect could otherwise take the failure instead.
         */
        void failNext() {
            failNext.set(true);
        }

        int calls() {
            return calls.get();
        }

        int messages() {
            return messages.get();
        }

        @Override
        public List<IngestOutcome> ingest(List<IncomingDeviceMessage> batch) {
            try {
                gate.acquire();
                gate.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            calls.incrementAndGet();
            messages.addAndGet(batch.size());
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the commit failed (scripted)");
            }
            return delegate.ingest(batch);
        }
    }
}
