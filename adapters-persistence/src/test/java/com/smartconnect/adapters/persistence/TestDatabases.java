package com.smartconnect.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: an in-memory H2 database always, and a PostgreSQL schema when the system
 * property {@value #POSTGRES_URL_PROPERTY} names a PostgreSQL database (the build passes it through from the
 * Maven property of the same name). Shared with other modules through this module's test-jar.
 */
public final class TestDatabases {

    /** Where the PostgreSQL of the tests is, such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public static final String POSTGRES_URL_PROPERTY = "smartconnect.test.postgres.url";

    private static final int POOL_SIZE = 4;

    private TestDatabases() {
    }

    /** An empty in-memory H2 database of its own; it lives until the returned database is closed. */
    public static TestDatabase freshH2() {
        // DB_CLOSE_DELAY=-1 keeps the database while the pool has no connection open; close() shuts it down.
        String url = "jdbc:h2:mem:test_" + randomSuffix() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase("H2", url, PooledDataSource.create(url, null, null, POOL_SIZE),
                () -> execute(url, "SHUTDOWN"));
    }

    /**
     * An empty schema of its own in the configured PostgreSQL database, as the current schema of the returned
     * pool; empty when no PostgreSQL is configured. Closing it drops the schema.
     */
    public static Optional<TestDatabase> freshPostgres() {
        return postgresUrl().map(TestDatabases::freshSchema);
    }

    /** The configured PostgreSQL database, if any. */
    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getProperty(POSTGRES_URL_PROPERTY)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static TestDatabase freshSchema(String baseUrl) {
        String schema = "test_" + randomSuffix();
        execute(baseUrl, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            return new TestDatabase("PostgreSQL", url, PooledDataSource.create(url, null, null, POOL_SIZE),
                    () -> execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
        } catch (RuntimeException e) {
            execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + url, e);
        }
    }
}
