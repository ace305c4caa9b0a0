package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.common.port.out.ReadinessProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

abstract class ReadinessContract extends DatabaseContract {

    @Test
    void isReadyWhileTheDatabaseAnswersAndNotOnceThePoolIsClosed() {
        ReadinessProbe readiness = database.readiness();
        assertThat(readiness.name()).isEqualTo("database");
        assertThat(readiness.isReady()).isTrue();

        testDatabase.dataSource().close();

        long started = System.nanoTime();
        assertThat(readiness.isReady()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
