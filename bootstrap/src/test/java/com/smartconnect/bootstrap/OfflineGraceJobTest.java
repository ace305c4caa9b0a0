package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OfflineGraceJobTest {

    @Test
    void runsTheJobPeriodicallyAndKeepsRunningAfterAFailure() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        OfflineGraceJob job = new OfflineGraceJob(() -> {
            thirdRun.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        }, Duration.ofMillis(20));

        assertThat(thirdRun.await(5, TimeUnit.SECONDS)).isTrue();
        job.close();
        int afterClose = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(afterClose);
    }
}
