package com.smartconnect.simulator;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of every simulated device's Paho client, shared. Paho runs three blocking loops per client (sender,
 * receiver, callback); as platform threads, 10,000 devices would need 30,000 of them. Given to Paho as its executor,
 * this runs those loops on virtual threads, and keeps one small scheduler for keep-alive pings and timers.
 *
 * <p>Paho's loops wait in {@code synchronized} blocks, which pin a virtual thread to its carrier before JDK 24
 * (JEP 491); there, {@link #create()} returns empty and Paho keeps its own platform threads.
 *
 * <p>Paho shuts its executor down when a client closes; the devices share this one, so that is ignored here and
 * {@link #terminate()} ends it.
 */
final class ClientThreads extends ScheduledThreadPoolExecutor {

    private ClientThreads() {
        super(2, Thread.ofPlatform().daemon().name("simulator-timer-", 0).factory());
        setRemoveOnCancelPolicy(true);
    }

    /** Shared client threads where virtual threads do not pin on {@code synchronized}; empty otherwise. */
    static java.util.Optional<ClientThreads> create() {
        return Runtime.version().feature() >= 24 ? java.util.Optional.of(new ClientThreads()) : java.util.Optional.empty();
    }

    /** A scheduler for keep-alive pings and the devices' timers, for JDKs where Paho keeps its own threads. */
    static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2,
                Thread.ofPlatform().daemon().name("simulator-timer-", 0).factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    @Override
    public void execute(Runnable command) {
        Thread.ofVirtual().name("simulator-paho").start(command);
    }

    @Override
    public Future<?> submit(Runnable task) {
        FutureTask<Void> future = new FutureTask<>(task, null);
        Thread.ofVirtual().name("simulator-paho").start(future);
        return future;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread.ofVirtual().name("simulator-paho").start(future);
        return future;
    }

    @Override
    public void shutdown() {
        // shared by every client: Paho's close of one client must not end the others' threads
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    void terminate() {
        super.shutdownNow();
    }
}
