package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.out.LoginFailures.Recent;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

abstract class LoginFailuresContract extends PortContract {

    private LoginFailures loginFailures() {
        return ports.loginFailures();
    }

    private static String uniqueKey() {
        return "email:" + Examples.uniqueEmail().value();
    }

    private static Instant minutes(long minutes) {
        return Examples.NOW.plus(Duration.ofMinutes(minutes));
    }

    /** Two logins of one address cannot interleave: the second waits for the first to commit; another address does not. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aLockedKeyMakesTheNextLockOfThatKeyWaitAndNoOtherKey() throws Exception {
        String key = uniqueKey();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            loginFailures().lock(key);
            loginFailures().record(key, Examples.NOW);
            locked.countDown();
            await(release);
            return null;
        }), SEPARATE_THREADS);
        await(locked);

        ports.transactions().inTransaction(() -> {
            loginFailures().lock(uniqueKey());
            return null;
        });
        var waiter = java.util.concurrent.CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(() -> {
            loginFailures().lock(key);
            return loginFailures().since(key, Examples.NOW.minusSeconds(1)).count();
        }), SEPARATE_THREADS);
        Thread.sleep(300);
        assertThat(waiter).as("waits while the key is locked").isNotDone();

        release.countDown();
        holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(waiter.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("then sees the failure of the first").isEqualTo(1);
    }

    @Test
    void countsTheFailuresOfAKeySinceATimeAndTellsTheNewest() {
        String key = uniqueKey();
        for (long minute : new long[] {0, 5, 12, 3}) {
            loginFailures().record(key, minutes(minute));
        }

        assertThat(loginFailures().since(key, minutes(0))).isEqualTo(new Recent(4, Optional.of(minutes(12))));
        assertThat(loginFailures().since(key, minutes(4))).isEqualTo(new Recent(2, Optional.of(minutes(12))));
        assertThat(loginFailures().since(key, minutes(12))).isEqualTo(new Recent(1, Optional.of(minutes(12))));
        assertThat(loginFailures().since(key, minutes(13))).isEqualTo(new Recent(0, Optional.empty()));
    }

    @Test
    void knowsNothingOfAKeyThatNeverFailed() {
        assertThat(loginFailures().since(uniqueKey(), minutes(-60))).isEqualTo(new Recent(0, Optional.empty()));
    }

    @Test
    void keepsTheTimesToTheMicrosecond() {
        String key = uniqueKey();
        loginFailures().record(key, Instant.parse("2026-11-20T08:00:00.123456789Z"));

        assertThat(loginFailures().since(key, Examples.NOW).last())
                .contains(Instant.parse("2026-11-20T08:00:00.123456Z"));
    }

    @Test
    void keepsTheKeysApart() {
        String email = uniqueKey();
        String client = "client:203.0.113." + UUID.randomUUID().toString().substring(0, 8);
        loginFailures().record(email, minutes(1));
        loginFailures().record(email, minutes(2));
        loginFailures().record(client, minutes(3));

        assertThat(loginFailures().since(email, minutes(0))).isEqualTo(new Recent(2, Optional.of(minutes(2))));
        assertThat(loginFailures().since(client, minutes(0))).isEqualTo(new Recent(1, Optional.of(minutes(3))));
    }

    @Test
    void clearingForgetsOnlyThatKey() {
        String cleared = uniqueKey();
        String kept = uniqueKey();
        loginFailures().record(cleared, minutes(1));
        loginFailures().record(cleared, minutes(2));
        loginFailures().record(kept, minutes(1));

        loginFailures().clear(cleared);

        assertThat(loginFailures().since(cleared, minutes(0))).isEqualTo(new Recent(0, Optional.empty()));
        assertThat(loginFailures().since(kept, minutes(0))).isEqualTo(new Recent(1, Optional.of(minutes(1))));
        loginFailures().record(cleared, minutes(5));
        assertThat(loginFailures().since(cleared, minutes(0))).isEqualTo(new Recent(1, Optional.of(minutes(5))));
    }

    /** Recording a failure throws away the key's failures of more than a day before, which no window needs. */
    @Test
    void recordingAFailureForgetsTheFailuresOfThatKeyOlderThanADay() {
        String key = uniqueKey();
        String otherKey = uniqueKey();
        loginFailures().record(key, minutes(0));
        loginFailures().record(otherKey, minutes(0));

        loginFailures().record(key, minutes(0).plus(Duration.ofDays(1)).plusSeconds(1));

        assertThat(loginFailures().since(key, minutes(-1)).count()).isEqualTo(1);
        assertThat(loginFailures().since(otherKey, minutes(-1)).count()).isEqualTo(1);
    }
}
