package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The committers commit in parallel, and each device's messages are stored in the order they came. */
class GroupCommitTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void twoCommittersAreInsideTheirTransactionsAtTheSameTime() throws Exception {
        ProductId first = new ProductId("AS2104000000");
        ProductId second = IntStream.range(1, 100).mapToObj(i -> new ProductId(String.format("AS2104%06d", i)))
                .filter(p -> Math.floorMod(p.hashCode(), 2) != Math.floorMod(first.hashCode(), 2)).findFirst()
                .orElseThrow();
        CyclicBarrier bothInside = new CyclicBarrier(2);
        Outcomes outcomes = new Outcomes(2);
        try (GroupCommit commit = new GroupCommit(messages -> {
            try {
                // a single committer would wait here alone until the timeout, and its batch would fail
                bothInside.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other committer did not commit meanwhile", e);
            }
            return messages.stream().<IngestOutcome>map(m -> new IngestOutcome.Stored()).toList();
        }, Duration.ofMillis(1), 500, 2)) {
            commit.submit(event(first, "a"), outcomes);
            commit.submit(event(second, "b"), outcomes);
            assertThat(outcomes.done.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(outcomes.failed).isEmpty();
    }

    @Test
    void eachDevicesMessagesAreStoredInTheirOrder() throws Exception {
        Map<ProductId, List<String>> stored = new ConcurrentHashMap<>();
        List<ProductId> devices = IntStream.range(0, 8).mapToObj(i -> new ProductId(String.format("AS2104%06d", i)))
                .toList();
        Outcomes outcomes = new Outcomes(devices.size() * 200);
        try (GroupCommit commit = new GroupCommit(messages -> {
            List<IngestOutcome> result = new ArrayList<>();
            for (IncomingDeviceMessage message : messages) {
                stored.computeIfAbsent(message.productId(), p -> new CopyOnWriteArrayList<>())
                        .add(((DeviceMessage.Event) message.message()).eventId());
                result.add(new IngestOutcome.Stored());
            }
            return result;
        }, Duration.ofMillis(1), 7, DeviceEndpointSettings.DEFAULT_COMMITTERS)) {
            for (int i = 0; i < 200; i++) {
                for (ProductId device : devices) {
                    commit.submit(event(device, "e-" + i), outcomes);
                }
            }
            assertThat(outcomes.done.await(20, TimeUnit.SECONDS)).isTrue();
        }
        List<String> inOrder = IntStream.range(0, 200).mapToObj(i -> "e-" + i).toList();
        assertThat(stored).hasSize(devices.size()).allSatisfy((device, ids) -> assertThat(ids).isEqualTo(inOrder));
        assertThat(outcomes.failed).isEmpty();
    }

    private static IncomingDeviceMessage event(ProductId device, String eventId) {
        return new IncomingDeviceMessage(device, new DeviceMessage.Event(eventId, "ON_BATTERY", AT, "{}"));
    }

    private static final class Outcomes implements GroupCommit.Completion {
        final CountDownLatch done;
        final List<Throwable> failed = new CopyOnWriteArrayList<>();

        Outcomes(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void stored(IngestOutcome outcome) {
            done.countDown();
        }

        @Override
        public void failed(Throwable failure) {
            failed.add(failure);
            done.countDown();
        }
    }
}
