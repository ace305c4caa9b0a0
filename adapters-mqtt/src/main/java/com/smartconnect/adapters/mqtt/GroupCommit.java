package com.smartconnect.adapters.mqtt;

import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.IngestOutcome;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: the messages of every connection go into a few queues, each with its committer thread (virtual), which
 * stores whatever is queued, up to a batch size, with one call of the ingest use case, so one transaction and one
 * commit (one fsync) serve many messages. While a commit runs, the next batch gathers; a committer that finds its
 * queue empty takes the next message alone rather than wait, unless a window is set (then it waits that long for
 * more after the first). Each message's callback hears the outcome only after the commit (or the failure: then
 * nothing was stored, and the message must not be acknowledged).
 *
 * <p>The committers ({@value DeviceEndpointSettings#DEFAULT_COMMITTERS} by default, each holding a database
 * connection while it commits) commit in parallel, so one transaction's flush does not hold up
 * the others (one committer ran one transaction at a time: BENCHMARKS.md); on H2, whose store writes out one commit
 * at a time, one committer stores more than four (BENCHMARKS.md). A device's messages always go to the same
 * committer (by Product ID), so they are stored in the order they came, and two committers never write the same
 * device's rows.
 */
final class GroupCommit implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

    /** What becomes of a message: its outcome after the commit, or the failure of the whole batch. */
    interface Completion {
        void stored(IngestOutcome outcome);

        void failed(Throwable failure);
    }

    private record Pending(IncomingDeviceMessage message, Completion completion) {
    }

    private static final Pending STOP = new Pending(null, null);

    private final IngestDeviceMessagesUseCase ingest;
    private final Duration window;
    private final int maxBatch;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> committers = new ArrayList<>();

    GroupCommit(IngestDeviceMessagesUseCase ingest, Duration window, int maxBatch, int committerCount) {
        if (committerCount < 1) {
            throw new IllegalArgumentException("at least one committer");
        }
        this.ingest = ingest;
        this.window = window;
        this.maxBatch = maxBatch;
        for (int i = 0; i < committerCount; i++) {
            BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            committers.add(Thread.ofVirtual().name("smartconnect-mqtt-group-commit-" + i).start(() -> run(queue)));
        }
    }

    void submit(IncomingDeviceMessage message, Completion completion) {
        queues.get(Math.floorMod(message.productId().hashCode(), queues.size())).add(new Pending(message, completion));
    }

    private void run(BlockingQueue<Pending> queue) {
        try {
            while (true) {
                Pending first = queue.take();
                if (first == STOP) {
                    return;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                long deadline = System.nanoTime() + window.toNanos();
                boolean stop = false;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        stop = true;
                        break;
                    }
                    batch.add(next);
                }
                commit(batch);
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Pending> batch) {
        List<IngestOutcome> outcomes;
        try {
            outcomes = ingest.ingest(batch.stream().map(Pending::message).toList());
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Could not store " + batch.size() + " device messages; none is acknowledged, the "
                    + "devices send them again", failure);
            batch.forEach(pending -> pending.completion().failed(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).completion().stored(outcomes.get(i));
        }
    }

    /** Stores what is queued, then stops. */
    @Override
    public void close() {
        queues.forEach(queue -> queue.add(STOP));
        try {
            for (Thread committer : committers) {
                committer.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
