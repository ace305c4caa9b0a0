package com.smartconnect.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SessionProperties {

    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final SessionId ID = new SessionId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));
    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

    private static Session started() {
        return Session.start(ID, "token-hash", ACCOUNT, START, POLICY);
    }

    @Example
    void aSessionStartsSeenNowWithoutTwoFactorAndEndsAfterTheAbsoluteTimeout() {
        Session session = started();
        assertThat(session).isEqualTo(new Session(ID, "token-hash", ACCOUNT, START, START,
                START.plus(Duration.ofHours(12)), false));
    }

    @Property
    void anUntouchedSessionLastsExactlyTheIdleTimeout(@ForAll @LongRange(min = 0, max = 3600) long seconds) {
        assertThat(started().isActiveAt(START.plusSeconds(seconds), POLICY)).isEqualTo(seconds < 30 * 60);
    }

    /** Touched every {@code every} minutes, a session stays active until its absolute end, and not a moment longer. */
    @Property
    void aSessionInUseEndsAtItsAbsoluteTimeout(@ForAll @IntRange(min = 1, max = 29) int every) {
        Session session = started();
        Instant now = START;
        Instant end = START.plus(Duration.ofHours(12));
        while (now.isBefore(end)) {
            assertThat(session.isActiveAt(now, POLICY)).isTrue();
            session = session.touchedAt(now);
            now = now.plus(Duration.ofMinutes(every));
        }
        assertThat(session.isActiveAt(end.minusMillis(1), POLICY)).isTrue();
        assertThat(session.isActiveAt(end, POLICY)).isFalse();
    }

    @Property
    void aRequestIsWrittenDownOnlyAMinuteOrMoreAfterTheLastOne(@ForAll @LongRange(min = 0, max = 300) long seconds) {
        Session session = started().touchedAt(START.plusSeconds(10));
        assertThat(session.needsTouch(START.plusSeconds(10 + seconds), POLICY)).isEqualTo(seconds >= 60);
    }

    @Example
    void theTouchGranularityIsATenthOfTheIdleTimeoutAndAtMostAMinute() {
        assertThat(new SessionPolicy(Duration.ofMinutes(1), Duration.ofHours(1)).touchGranularity())
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(new SessionPolicy(Duration.ofMinutes(5), Duration.ofHours(1)).touchGranularity())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(new SessionPolicy(Duration.ofMinutes(10), Duration.ofHours(1)).touchGranularity())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SessionPolicy.DEFAULT.touchGranularity()).isEqualTo(Duration.ofMinutes(1));
    }

    /**
     * With requests every {@code every} seconds, written down only as the policy says, a session with any idle time-out
     * longer than the gaps between requests by a tenth stays active until its absolute end.
     */
    @Property
    void aSessionInUseNeverIdlesOutWhateverItsIdleTimeout(@ForAll @IntRange(min = 1, max = 60) int idleMinutes,
            @ForAll @IntRange(min = 1, max = 100) int everyPercentOfNineTenths) {
        SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(idleMinutes), Duration.ofHours(2));
        Duration every = Duration.ofMinutes(idleMinutes).multipliedBy(9).dividedBy(10)
                .multipliedBy(everyPercentOfNineTenths).dividedBy(100).minusMillis(1);
        if (every.isNegative() || every.isZero()) {
            return;
        }
        Session session = Session.start(ID, "token-hash", ACCOUNT, START, policy);
        Instant end = START.plus(policy.absoluteTimeout());
        for (Instant now = START.plus(every); now.isBefore(end); now = now.plus(every)) {
            assertThat(session.isActiveAt(now, policy)).as("a request at %s", now).isTrue();
            if (session.needsTouch(now, policy)) {
                session = session.touchedAt(now);
            }
        }
    }

    @Example
    void touchingMovesOnlyTheLastSeenTime() {
        Session touched = started().withTwoFactorPassed().touchedAt(START.plusSeconds(90));
        assertThat(touched).isEqualTo(new Session(ID, "token-hash", ACCOUNT, START, START.plusSeconds(90),
                START.plus(Duration.ofHours(12)), true));
    }

    @Example
    void passingTwoFactorChangesOnlyThatFlag() {
        Session passed = started().touchedAt(START.plusSeconds(5)).withTwoFactorPassed();
        assertThat(passed).isEqualTo(new Session(ID, "token-hash", ACCOUNT, START, START.plusSeconds(5),
                START.plus(Duration.ofHours(12)), true));
    }

    @Example
    void aPolicyNeedsAPositiveIdleTimeoutNoLongerThanTheAbsoluteOne() {
        assertThat(new SessionPolicy(Duration.ofMinutes(5), Duration.ofMinutes(5)).idleTimeout())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(-1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofMinutes(61), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionPolicy.DEFAULT.idleTimeout()).isLessThan(SessionPolicy.DEFAULT.absoluteTimeout());
    }

    @Property
    void aResetLinkWorksOnceWithinAnHour(@ForAll @LongRange(min = 0, max = 7200) long seconds, @ForAll boolean used) {
        PasswordReset reset = PasswordReset.issue(UUID.randomUUID(), "h", ACCOUNT, START);
        assertThat(reset.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(reset.createdAt()).isEqualTo(START);
        assertThat(reset.usedAt()).isEmpty();
        PasswordReset state = used ? new PasswordReset(reset.id(), "h", ACCOUNT, START, reset.expiresAt(),
                Optional.of(START)) : reset;
        assertThat(state.isUsableAt(START.plusSeconds(seconds))).isEqualTo(!used && seconds < 3600);
    }

    @Property
    void aClientAddressMustWaitFromItsThirtiethFailure(@ForAll @IntRange(min = 0, max = 100) int failures) {
        assertThat(LoginThrottle.clientMustWait(failures)).isEqualTo(failures >= 30);
    }

    @Example
    void theFifthFailureWaitsThirtySecondsAndEachFurtherOneDoubles() {
        assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginThrottle.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
    }

    @Example
    void aSessionIdPrintsAsItsUuid() {
        assertThat(ID.toString()).isEqualTo("00000000-0000-0000-0000-0000000000d1");
    }
}
