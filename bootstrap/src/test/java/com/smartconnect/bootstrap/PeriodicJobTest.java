package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    @Test
    void runsTheJobAtStartThenPeriodicallyAndKeepsRunningAfterAFailure() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        PeriodicJob job = new PeriodicJob("test", Duration.ofMillis(20), () -> {
            thirdRun.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return 0;
        }, "things done");

        assertThat(thirdRun.await(5, TimeUnit.SECONDS)).isTrue();
        job.close();
        int afterClose = runs.get();
        Thread.sleep(100);
        assertThat(runs.get()).isEqualTo(afterClose);
    }
}
