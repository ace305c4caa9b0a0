package com.smartconnect.application.account.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import com.smartconnect.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionAuthenticationServiceTest {

    private static final String TOKEN = "a-session-token";
    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemorySessions sessions = new InMemorySessions();

    private SessionAuthenticationService startSession(SessionPolicy policy) {
        sessions.add(Session.start(new SessionId(UUID.randomUUID()), SecretTokens.hash(TOKEN), new AccountId(UUID.randomUUID()),
                clock.instant(), policy));
        return new SessionAuthenticationService(clock, sessions, policy);
    }

    @Test
    void aSessionWithAOneMinuteIdleTimeoutUsedEveryTwentySecondsLastsUntilItsAbsoluteEnd() {
        SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(1), Duration.ofHours(1));
        SessionAuthenticationService authenticator = startSession(policy);
        for (int request = 1; request < 3 * 60; request++) {
            clock.advance(Duration.ofSeconds(20));
            assertThat(authenticator.authenticate(TOKEN)).as("request %d, %d s after login", request, request * 20)
                    .isPresent();
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(authenticator.authenticate(TOKEN)).as("an hour after login").isEmpty();
    }

    @Test
    void aSessionIdleForItsIdleTimeoutEndsAndIsDeleted() {
        SessionAuthenticationService authenticator = startSession(new SessionPolicy(Duration.ofMinutes(1), Duration.ofHours(1)));
        clock.advance(Duration.ofSeconds(50));
        assertThat(authenticator.authenticate(TOKEN)).isPresent();
        clock.advance(Duration.ofSeconds(60));
        assertThat(authenticator.authenticate(TOKEN)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aBusyClientWritesTheLastUseAtMostOncePerTouchGranularity() {
        SessionAuthenticationService authenticator = startSession(SessionPolicy.DEFAULT);
        Session started = sessions.findByTokenHash(SecretTokens.hash(TOKEN)).orElseThrow();
        clock.advance(Duration.ofSeconds(59));
        authenticator.authenticate(TOKEN);
        assertThat(sessions.findByTokenHash(SecretTokens.hash(TOKEN)).orElseThrow().lastSeenAt())
                .as("within the minute").isEqualTo(started.lastSeenAt());
        clock.advance(Duration.ofSeconds(1));
        authenticator.authenticate(TOKEN);
        assertThat(sessions.findByTokenHash(SecretTokens.hash(TOKEN)).orElseThrow().lastSeenAt()).isEqualTo(clock.instant());
    }
}
