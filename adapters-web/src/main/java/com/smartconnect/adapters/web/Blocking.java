package com.smartconnect.adapters.web;

import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs blocking work (JDBC, password hashing, probes) off the event loop and waits for it without holding the
 * verticle's context. Calling a use case straight from a handler would be safe on the virtual-thread context, but
 * that context runs its tasks one at a time, so one slow sign-up would stall every other request; unordered
 * {@code executeBlocking} gives each call its own virtual thread and {@code await()} lets other requests proceed.
 */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> T run(Callable<T> work) {
        return vertx.executeBlocking(work, false).await();
    }
}
