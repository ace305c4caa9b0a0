package com.smartconnect.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** The connection pool the portal runs on. */
public final class PooledDataSource {

    /**
     * A request that cannot get a connection within this fails rather than queueing behind a database that is
     * down (Hikari's default is 30 seconds).
     */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private PooledDataSource() {
    }

    /**
     * A started pool; it fails at once if the database cannot be reached. {@code user} and {@code password} may be
     * null when the URL carries them.
     */
    public static HikariDataSource create(String jdbcUrl, String user, String password, int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("smartconnect");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return new HikariDataSource(config);
    }
}
