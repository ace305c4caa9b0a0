package com.smartconnect.domain.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ResellerConnectionProperties {

    private static final Instant SENT = Instant.parse("2026-11-23T10:00:00Z");

    private static ResellerConnection invitation() {
        return ResellerConnection.invite(UUID.randomUUID(), new AccountId(UUID.randomUUID()),
                new EmailAddress("sales@reseller.example"), "accept-hash", "unsubscribe-hash", SENT);
    }

    @Property
    void anInvitationIsPendingForSevenDaysAndExpiredFromThenOn(@ForAll @LongRange(min = 0, max = 30 * 86_400) long secondsLater) {
        Instant now = SENT.plusSeconds(secondsLater);
        ResellerConnection invitation = invitation();
        boolean withinSevenDays = secondsLater < Duration.ofDays(7).toSeconds();
        assertThat(invitation.stateAt(now))
                .isEqualTo(withinSevenDays ? ResellerConnectionState.INVITED : ResellerConnectionState.EXPIRED);
        assertThat(invitation.isOpenAt(now)).isEqualTo(withinSevenDays);
        if (withinSevenDays) {
            assertThat(invitation.accepted(now).stateAt(now.plus(Duration.ofDays(400))))
                    .as("a connection does not expire").isEqualTo(ResellerConnectionState.CONNECTED);
        } else {
            assertThatThrownBy(() -> invitation.accepted(now)).isInstanceOf(IllegalStateException.class);
            assertThat(invitation.ended(ResellerConnectionState.EXPIRED, now).endedAt())
                    .as("it ended when its 7 days did").contains(SENT.plus(Duration.ofDays(7)));
        }
    }

    @Example
    void eachEndFollowsOnlyTheStateItEnds() {
        Instant now = SENT.plusSeconds(60);
        ResellerConnection invited = invitation();
        ResellerConnection connected = invited.accepted(now);
        assertThat(invited.ended(ResellerConnectionState.DECLINED, now).state()).isEqualTo(ResellerConnectionState.DECLINED);
        assertThat(invited.ended(ResellerConnectionState.CANCELLED, now).state()).isEqualTo(ResellerConnectionState.CANCELLED);
        assertThat(connected.ended(ResellerConnectionState.UNSUBSCRIBED, now).state())
                .isEqualTo(ResellerConnectionState.UNSUBSCRIBED);
        assertThat(connected.ended(ResellerConnectionState.DISCONNECTED, now).isOpenAt(now)).isFalse();
        assertThatThrownBy(() -> invited.ended(ResellerConnectionState.DISCONNECTED, now))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> connected.ended(ResellerConnectionState.CANCELLED, now))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invited.ended(ResellerConnectionState.EXPIRED, now))
                .as("not before its 7 days").isInstanceOf(IllegalStateException.class);
        ResellerConnection cancelled = invited.ended(ResellerConnectionState.CANCELLED, now);
        assertThatThrownBy(() -> cancelled.accepted(now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ResellerConnection(UUID.randomUUID(), invited.customer(), invited.resellerEmail(),
                ResellerConnectionState.CONNECTED, SENT, SENT, Optional.empty(), Optional.of(now), "a", "u"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
