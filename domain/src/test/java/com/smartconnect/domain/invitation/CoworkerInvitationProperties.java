package com.smartconnect.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class CoworkerInvitationProperties {

    private static final Instant SENT = Instant.parse("2026-11-20T08:00:00Z");
    private static final long WEEK = Duration.ofDays(7).toSeconds();
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final CompanyId COMPANY = new CompanyId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private static final AccountId INVITER = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final EmailAddress INVITEE = new EmailAddress("coworker@example.com");

    private static CoworkerInvitation sent() {
        return CoworkerInvitation.send(ID, COMPANY, INVITER, INVITEE, "token-hash", SENT);
    }

    @Example
    void aSentInvitationIsPendingForSevenDays() {
        CoworkerInvitation invitation = sent();
        assertThat(invitation.id()).isEqualTo(ID);
        assertThat(invitation.companyId()).isEqualTo(COMPANY);
        assertThat(invitation.invitedBy()).contains(INVITER);
        assertThat(invitation.email()).isEqualTo(INVITEE);
        assertThat(invitation.tokenHash()).isEqualTo("token-hash");
        assertThat(invitation.createdAt()).isEqualTo(SENT);
        assertThat(invitation.expiresAt()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Property
    void aPendingInvitationIsOpenUntilItsSeventhDayEndsThenExpired(
            @ForAll @LongRange(min = 0, max = 2 * 7 * 24 * 3600) long secondsAfter) {
        Instant now = SENT.plusSeconds(secondsAfter);
        boolean open = secondsAfter < WEEK;
        assertThat(sent().statusAt(now)).isEqualTo(open ? InvitationStatus.PENDING : InvitationStatus.EXPIRED);
        assertThat(sent().isOpenAt(now)).isEqualTo(open);
    }

    @Example
    void theLastMomentOfTheWeekIsStillOpen() {
        assertThat(sent().isOpenAt(SENT.plus(Duration.ofDays(7)).minusMillis(1))).isTrue();
        assertThat(sent().isOpenAt(SENT.plus(Duration.ofDays(7)))).isFalse();
    }

    @Property
    void anAcceptedOrCancelledInvitationKeepsItsStatusAndIsNeverOpen(
            @ForAll @LongRange(min = 0, max = 2 * 7 * 24 * 3600) long secondsAfter, @ForAll boolean accept) {
        CoworkerInvitation used = accept ? sent().accepted() : sent().cancelled();
        InvitationStatus expected = accept ? InvitationStatus.ACCEPTED : InvitationStatus.CANCELLED;
        assertThat(used.status()).isEqualTo(expected);
        assertThat(used.statusAt(SENT.plusSeconds(secondsAfter))).isEqualTo(expected);
        assertThat(used.isOpenAt(SENT.plusSeconds(secondsAfter))).isFalse();
    }

    @Example
    void acceptingOrCancellingChangesOnlyTheStatus() {
        CoworkerInvitation invitation = sent();
        assertThat(invitation.accepted()).isEqualTo(new CoworkerInvitation(ID, COMPANY, Optional.of(INVITER), INVITEE,
                "token-hash", SENT, invitation.expiresAt(), InvitationStatus.ACCEPTED));
        assertThat(invitation.cancelled()).isEqualTo(new CoworkerInvitation(ID, COMPANY, Optional.of(INVITER),
                INVITEE, "token-hash", SENT, invitation.expiresAt(), InvitationStatus.CANCELLED));
    }

    @Example
    void expiryIsNeverStored() {
        assertThatThrownBy(() -> new CoworkerInvitation(ID, COMPANY, Optional.empty(), INVITEE, "h", SENT,
                SENT.plus(CoworkerInvitation.VALIDITY), InvitationStatus.EXPIRED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void anInvitationOutlivesTheAccountThatSentIt() {
        CoworkerInvitation orphan = new CoworkerInvitation(ID, COMPANY, Optional.empty(), INVITEE, "h", SENT,
                SENT.plus(CoworkerInvitation.VALIDITY), InvitationStatus.PENDING);
        assertThat(orphan.isOpenAt(SENT)).isTrue();
        assertThat(orphan.accepted().invitedBy()).isEmpty();
    }
}
