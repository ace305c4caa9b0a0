package com.smartconnect.adapters.persistence;

import com.smartconnect.application.common.port.out.ReadinessProbe;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;

/** Whether the database answers a trivial query now. */
final class DatabaseReadiness implements ReadinessProbe {

    private static final System.Logger LOG = System.getLogger(DatabaseReadiness.class.getName());
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    /**
     * The query timeout alone does not bound the probe: waiting for a connection from an exhausted pool, or for
     * a host that does not answer, takes as long as the pool's own timeouts.
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    private final DSLContext dsl;

    DatabaseReadiness(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean isReady() {
        FutureTask<Boolean> probe = new FutureTask<>(
                () -> dsl.selectOne().queryTimeout(QUERY_TIMEOUT_SECONDS).fetchOne(0, Integer.class) == 1);
        Thread.ofVirtual().name("database-readiness").start(probe);
        try {
            return probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            LOG.log(Level.WARNING, "The database is not ready: {0}", String.valueOf(failed.getCause()));
            return false;
        } catch (TimeoutException slow) {
            probe.cancel(true);
            LOG.log(Level.WARNING, "The database did not answer within {0} ms", PROBE_TIMEOUT.toMillis());
            return false;
        } catch (InterruptedException interrupted) {
            probe.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "The database probe failed", unexpected);
            return false;
        }
    }
}
