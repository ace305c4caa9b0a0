package com.smartconnect.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/**
 * An empty database of its own for one test class, with a pool over it. Closing it closes the pool and throws the
 * database away (the in-memory H2 database, or the PostgreSQL schema).
 */
public final class TestDatabase implements AutoCloseable {

    /** Undoes what creating the database did; runs after the pool is closed. */
    @FunctionalInterface
    interface Disposal {
        void run() throws Exception;
    }

    private final String kind;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final Disposal disposal;
    private boolean closed;

    TestDatabase(String kind, String jdbcUrl, HikariDataSource dataSource, Disposal disposal) {
        this.kind = Objects.requireNonNull(kind);
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.disposal = Objects.requireNonNull(disposal);
    }

    /** {@code H2} or {@code PostgreSQL}. */
    public String kind() {
        return kind;
    }

    /**
     * A URL that reaches the same database, credentials included, for code that builds its own pool (such as
     * the bootstrap's configuration).
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A pool over the database, not yet migrated: hand it to {@link Database#migrate}. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        dataSource.close();
        try {
            disposal.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not throw away the test database " + jdbcUrl, e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + jdbcUrl;
    }
}
