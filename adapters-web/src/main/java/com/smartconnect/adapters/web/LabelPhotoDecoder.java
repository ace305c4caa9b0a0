package com.smartconnect.adapters.web;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decodes label photos on a few platform threads of their own, and at most a few of one account at a time. Decoding
 * a photo is seconds of processor work; on the virtual threads' carriers (as many as processors) a handful of them
 * would hold up every other request of every user, so they run here instead, at most {@code threads} at once, and
 * the others wait their turn without holding anything but their photo. An account with
 * {@code perAccount} photos being decoded or waiting gets no more until one is done.
 */
final class LabelPhotoDecoder implements AutoCloseable {

    private final ExecutorService threads;
    private final int perAccount;
    private final Map<Object, Integer> inFlight = new ConcurrentHashMap<>();

    LabelPhotoDecoder(int threads, int perAccount) {
        // Daemon threads at a lower priority: the event loops and the virtual threads' carriers come first.
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("smartconnect-label-photo-", 0)
                .daemon(true).priority(Thread.NORM_PRIORITY - 1).factory());
        this.perAccount = perAccount;
    }

    /**
     * The QR code's text in {@code photo}, decoded on the decoder's threads while the caller (a virtual thread of the
     * API's context) awaits it; empty when the photo shows none. {@link Optional#empty()} of the outer optional when
     * the account already has {@code perAccount} photos in hand: nothing is decoded then.
     */
    Optional<Optional<String>> qrText(Object account, byte[] photo) {
        boolean[] admitted = {false};
        inFlight.compute(account, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perAccount) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            return Optional.empty();
        }
        try {
            return Optional.of(Future.fromCompletionStage(
                    CompletableFuture.supplyAsync(() -> LabelPhoto.qrText(photo), threads)).await());
        } finally {
            inFlight.computeIfPresent(account, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
