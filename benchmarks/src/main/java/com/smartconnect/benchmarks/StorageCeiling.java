package com.smartconnect.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The storage ceiling: how many rows per second the database takes into the same {@code device_event} table with
 * plain multi-row INSERTs (100 rows each, every INSERT its own transaction and commit) from 4 connections, with the
 * simulator's payloads. Nothing but the inserts: the most the endpoint's group commit could hope for.
 */
final class StorageCeiling {

    static final int ROWS_PER_INSERT = 100;
    static final int CONNECTIONS = 4;
    private static final String[] SEVERITIES = {"INFO", "WARNING", "CRITICAL"};
    private static final String DETAILS = "{\"inputVoltage\":0.0,\"batteryChargePercent\":95}";

    private StorageCeiling() {
    }

    /** Rows per second over {@code measure}, after {@code warmup}. */
    static double rowsPerSecond(DataSource dataSource, List<String> productIds, Duration warmup, Duration measure)
            throws InterruptedException {
        StringBuilder sql = new StringBuilder("INSERT INTO device_event (product_id, event_id, type, severity, "
                + "occurred_at, received_at, details) VALUES ");
        for (int i = 0; i < ROWS_PER_INSERT; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        LongAdder rows = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < CONNECTIONS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().name("storage-ceiling-" + w).start(() -> {
                String prefix = UUID.randomUUID().toString().substring(0, 24);
                long n = 0;
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    connection.setAutoCommit(true);
                    while (running.get()) {
                        int p = 1;
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        for (int i = 0; i < ROWS_PER_INSERT; i++, n++) {
                            insert.setString(p++, productIds.get((int) ((n * CONNECTIONS + writer) % productIds.size())));
                            insert.setString(p++, prefix + String.format("%012x", n));
                            insert.setString(p++, com.smartconnect.simulator.SimulatedDevice.EVENT_TYPES.get((int) (n % 15)));
                            insert.setString(p++, SEVERITIES[(int) (n % 3)]);
                            insert.setObject(p++, now);
                            insert.setObject(p++, now);
                            insert.setString(p++, DETAILS);
                        }
                        insert.executeUpdate();
                        rows.add(ROWS_PER_INSERT);
                    }
                } catch (SQLException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        Thread.sleep(warmup.toMillis());
        long before = rows.sum();
        long started = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long after = rows.sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        for (Thread writer : writers) {
            writer.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the storage ceiling's inserts failed", failures.get(0));
        }
        return (after - before) / seconds;
    }
}
