package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class ResellerConnectionRepositoryContract extends PortContract {

    private static final Instant NOW = Examples.NOW;
    /** When an invitation sent at {@link #NOW} has expired. */
    private static final Instant EXPIRY = NOW.plus(ResellerConnection.INVITATION_VALIDITY);

    private ResellerConnectionRepository connections() {
        return ports.resellerConnections();
    }

    /** Every test starts without connections: otherwise the invitations of one test would be due in the next. */
    @BeforeEach
    void removeEveryConnection() throws SQLException {
        removeEveryRowOf("reseller_connection");
    }

    @Test
    void theInvitationsOfACustomerAreCountedFromAnInstantOn() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        ResellerConnection first = Examples.resellerInvitation(customer, NOW.minusSeconds(3600));
        connections().addIfNoneOpen(first);
        connections().update(first.ended(ResellerConnectionState.CANCELLED, NOW), ResellerConnectionState.INVITED);
        connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
        connections().addIfNoneOpen(Examples.resellerInvitation(other, NOW));

        assertThat(connections().invitationsSince(customer, NOW.minusSeconds(3601))).isEqualTo(2);
        assertThat(connections().invitationsSince(customer, NOW.minusSeconds(3600))).as("after, not at").isEqualTo(1);
        assertThat(connections().invitationsSince(customer, NOW)).isZero();
    }

    @Test
    void keepsAnInvitationAndFindsItByCustomerAndByEitherLink() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);

        assertThat(connections().addIfNoneOpen(invitation)).isTrue();

        assertThat(connections().latestOf(customer)).contains(invitation);
        assertThat(connections().findByAcceptTokenHash(invitation.acceptTokenHash())).contains(invitation);
        assertThat(connections().findByUnsubscribeTokenHash(invitation.unsubscribeTokenHash())).contains(invitation);
    }

    /** Each link finds only by its own hash: the accept hash is no unsubscribe hash, and the reverse. */
    @Test
    void findsNothingForAnUnknownCustomerOrLink() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);

        assertThat(connections().latestOf(storedAccount())).isEmpty();
        assertThat(connections().latestOf(new AccountId(UUID.randomUUID()))).isEmpty();
        assertThat(connections().findByAcceptTokenHash(Examples.tokenHash())).isEmpty();
        assertThat(connections().findByUnsubscribeTokenHash(Examples.tokenHash())).isEmpty();
        assertThat(connections().findByAcceptTokenHash(invitation.unsubscribeTokenHash())).isEmpty();
        assertThat(connections().findByUnsubscribeTokenHash(invitation.acceptTokenHash())).isEmpty();
    }

    /** Every field comes back as it was written, the optional times both absent and present. */
    @Test
    void keepsEveryFieldThroughAConnectionsLife() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection connected = invitation.accepted(NOW.plus(Duration.ofHours(26)).plusNanos(1000));
        ResellerConnection disconnected = connected.ended(ResellerConnectionState.DISCONNECTED,
                NOW.plus(Duration.ofDays(40)).plusNanos(7000));

        assertThat(connections().update(connected, ResellerConnectionState.INVITED)).isTrue();
        assertThat(connections().latestOf(customer)).contains(connected);
        assertThat(connected.connectedAt()).isPresent();

        assertThat(connections().update(disconnected, ResellerConnectionState.CONNECTED)).isTrue();
        assertThat(connections().latestOf(customer)).contains(disconnected);
        assertThat(connections().findByAcceptTokenHash(invitation.acceptTokenHash())).contains(disconnected);
        assertThat(connections().findByUnsubscribeTokenHash(invitation.unsubscribeTokenHash())).contains(disconnected);
        assertThat(disconnected.connectedAt()).isPresent();
        assertThat(disconnected.endedAt()).isPresent();
    }

    @Test
    void refusesASecondInvitationWhileOneIsPending() {
        AccountId customer = storedAccount();
        ResellerConnection first = Examples.resellerInvitation(customer, NOW);
        ResellerConnection second = Examples.resellerInvitation(customer, NOW.plusSeconds(60));
        connections().addIfNoneOpen(first);

        assertThat(connections().addIfNoneOpen(second)).isFalse();

        assertThat(connections().latestOf(customer)).contains(first);
        assertThat(connections().findByAcceptTokenHash(second.acceptTokenHash())).isEmpty();
        inTheTables(() -> assertThat(rowsOf(customer)).isEqualTo(1));
    }

    /**
     * The database knows no clock: an invitation past its 7 days that is not yet marked expired is still open to it,
     * and the service marks it before it invites again.
     */
    @Test
    void refusesASecondInvitationWhileAnExpiredOneIsNotYetMarked() {
        AccountId customer = storedAccount();
        connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));

        assertThat(connections().addIfNoneOpen(Examples.resellerInvitation(customer, EXPIRY.plusSeconds(60)))).isFalse();

        inTheTables(() -> assertThat(rowsOf(customer)).isEqualTo(1));
    }

    @Test
    void refusesAnInvitationWhileConnected() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection connected = invitation.accepted(NOW.plusSeconds(60));
        connections().update(connected, ResellerConnectionState.INVITED);

        assertThat(connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW.plusSeconds(120)))).isFalse();

        assertThat(connections().latestOf(customer)).contains(connected);
        inTheTables(() -> assertThat(rowsOf(customer)).isEqualTo(1));
    }

    /** Every end releases the customer: the next invitation is stored and becomes the latest. */
    @Test
    void acceptsANewInvitationAfterEveryKindOfEnd() {
        AccountId customer = storedAccount();
        Instant at = NOW;
        for (ResellerConnectionState end : List.of(ResellerConnectionState.DECLINED, ResellerConnectionState.EXPIRED,
                ResellerConnectionState.CANCELLED, ResellerConnectionState.UNSUBSCRIBED,
                ResellerConnectionState.DISCONNECTED)) {
            ResellerConnection invitation = Examples.resellerInvitation(customer, at);
            assertThat(connections().addIfNoneOpen(invitation)).as("invitation before " + end).isTrue();
            ResellerConnection ended = switch (end) {
                case DECLINED, CANCELLED -> {
                    ResellerConnection declined = invitation.ended(end, at.plusSeconds(60));
                    assertThat(connections().update(declined, ResellerConnectionState.INVITED)).isTrue();
                    yield declined;
                }
                case EXPIRED -> {
                    ResellerConnection expired = invitation.ended(end, invitation.expiresAt().plusSeconds(60));
                    assertThat(connections().update(expired, ResellerConnectionState.INVITED)).isTrue();
                    yield expired;
                }
                default -> {
                    ResellerConnection connected = invitation.accepted(at.plusSeconds(60));
                    assertThat(connections().update(connected, ResellerConnectionState.INVITED)).isTrue();
                    assertThat(connections().addIfNoneOpen(Examples.resellerInvitation(customer, at.plusSeconds(90))))
                            .as("while connected").isFalse();
                    ResellerConnection left = connected.ended(end, at.plusSeconds(120));
                    assertThat(connections().update(left, ResellerConnectionState.CONNECTED)).isTrue();
                    yield left;
                }
            };
            assertThat(connections().latestOf(customer)).contains(ended);
            at = at.plus(Duration.ofDays(30));
        }

        ResellerConnection last = Examples.resellerInvitation(customer, at);
        assertThat(connections().addIfNoneOpen(last)).isTrue();
        assertThat(connections().latestOf(customer)).contains(last);
        inTheTables(() -> assertThat(rowsOf(customer)).isEqualTo(6));
    }

    /** The expiry of the service: the end and the new invitation commit together, or neither does. */
    @Test
    void anEndReleasesTheCustomerWithinTheSameTransaction() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection expired = invitation.ended(ResellerConnectionState.EXPIRED, EXPIRY);
        ResellerConnection next = Examples.resellerInvitation(customer, EXPIRY);

        boolean added = ports.transactions().inTransaction(() -> {
            assertThat(connections().update(expired, ResellerConnectionState.INVITED)).isTrue();
            return connections().addIfNoneOpen(next);
        });

        assertThat(added).isTrue();
        assertThat(connections().latestOf(customer)).contains(next);
        assertThat(connections().findByAcceptTokenHash(invitation.acceptTokenHash())).contains(expired);
    }

    @Test
    void invitationsOfOneCustomerDoNotKeepAnotherFromInviting() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
        ResellerConnection ofTheOther = Examples.resellerInvitation(other, NOW);

        assertThat(connections().addIfNoneOpen(ofTheOther)).isTrue();

        assertThat(connections().latestOf(other)).contains(ofTheOther);
    }

    /** Anything but a new invitation would not be open, and so would be stored beside an open one. */
    @Test
    void addsNothingButNewInvitations() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection ended = Examples.resellerInvitation(customer, NOW)
                .ended(ResellerConnectionState.CANCELLED, NOW.plusSeconds(60));

        assertThatThrownBy(() -> connections().addIfNoneOpen(ended)).isInstanceOf(IllegalArgumentException.class);

        assertThat(connections().findByAcceptTokenHash(ended.acceptTokenHash())).isEmpty();
        assertThat(connections().latestOf(customer)).contains(invitation);
    }

    /** On PostgreSQL a failed statement would abort the transaction; the refusal must leave it usable. */
    @Test
    void leavesTheTransactionUsableAfterRefusingAnInvitation() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
        ResellerConnection ofTheOther = Examples.resellerInvitation(other, NOW);

        boolean added = ports.transactions().inTransaction(() -> {
            boolean refused = connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
            connections().addIfNoneOpen(ofTheOther);
            return refused;
        });

        assertThat(added).isFalse();
        assertThat(connections().latestOf(other)).contains(ofTheOther);
    }

    /** A link's hash is unique: a second connection with it is a bug, and is refused loudly. */
    @Test
    void refusesASecondConnectionWithTheSameLinkHash() {
        ResellerConnection invitation = Examples.resellerInvitation(storedAccount(), NOW);
        connections().addIfNoneOpen(invitation);
        AccountId other = storedAccount();
        ResellerConnection sameAcceptLink = ResellerConnection.invite(UUID.randomUUID(), other,
                Examples.uniqueEmail(), invitation.acceptTokenHash(), Examples.tokenHash(), NOW);
        ResellerConnection sameUnsubscribeLink = ResellerConnection.invite(UUID.randomUUID(), other,
                Examples.uniqueEmail(), Examples.tokenHash(), invitation.unsubscribeTokenHash(), NOW);

        assertThatThrownBy(() -> connections().addIfNoneOpen(sameAcceptLink)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> connections().addIfNoneOpen(sameUnsubscribeLink)).isInstanceOf(RuntimeException.class);

        assertThat(connections().latestOf(other)).isEmpty();
    }

    /**
     * Two invitations of one customer sent at the same moment, from two requests (or instances): exactly one is
     * stored. Several rounds, so that the two really meet in the database in some of them.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void ofTwoInvitationsOfOneCustomerAtOnceExactlyOneIsStored() throws Exception {
        for (int round = 0; round < 20; round++) {
            AccountId customer = storedAccount();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                    () -> inviteAfter(start, customer), SEPARATE_THREADS);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                    () -> inviteAfter(start, customer), SEPARATE_THREADS);

            assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
                    .as("round " + round).containsExactlyInAnyOrder(true, false);
            assertThat(rowsOf(customer)).as("round " + round).isEqualTo(1);
        }
    }

    /**
     * The second of two invitations cannot see the first, which is not committed yet: it waits for it, then is
     * refused, and its own transaction goes on.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void anInvitationWaitsForAnUncommittedOneOfTheSameCustomerThenIsRefused() throws Exception {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        ResellerConnection first = Examples.resellerInvitation(customer, NOW);
        ResellerConnection ofTheOther = Examples.resellerInvitation(other, NOW);
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> firstAdd = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean added = connections().addIfNoneOpen(first);
                    firstAdded.countDown();
                    await(releaseFirst);
                    return added;
                }), SEPARATE_THREADS);
        await(firstAdded);
        CompletableFuture<Boolean> secondAdd = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean added = connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
                    connections().addIfNoneOpen(ofTheOther);
                    return added;
                }), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        assertThat(secondAdd).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        assertThat(firstAdd.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(secondAdd.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(connections().latestOf(customer)).contains(first);
        assertThat(rowsOf(customer)).isEqualTo(1);
        assertThat(connections().latestOf(other)).contains(ofTheOther);
    }

    /** An invitation that was rolled back never kept the customer from inviting. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void anInvitationWaitingForOneThatRollsBackIsStored() throws Exception {
        AccountId customer = storedAccount();
        ResellerConnection second = Examples.resellerInvitation(customer, NOW);
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> firstAdd = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW));
            firstAdded.countDown();
            await(releaseFirst);
            throw new IllegalStateException("rolled back");
        }), SEPARATE_THREADS);
        await(firstAdded);
        CompletableFuture<Boolean> secondAdd = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> connections().addIfNoneOpen(second)), SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        releaseFirst.countDown();

        assertThatThrownBy(() -> firstAdd.get(10, TimeUnit.SECONDS)).hasMessageContaining("rolled back");
        assertThat(secondAdd.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connections().latestOf(customer)).contains(second);
        assertThat(rowsOf(customer)).isEqualTo(1);
    }

    /**
     * The latest is the last stored, whatever the times and ids: here all invitations share one instant, or the
     * later one says it was sent earlier (a clock set back), and the ids run either way.
     */
    @Test
    void theLatestIsTheLastStoredEvenAtTheSameInstant() {
        AccountId customer = storedAccount();
        ResellerConnection first = Examples.resellerInvitation(
                UUID.fromString("80000000-0000-4000-8000-000000000000"), customer, NOW);
        ResellerConnection lowerId = Examples.resellerInvitation(
                UUID.fromString("00000000-0000-4000-8000-000000000001"), customer, NOW);
        ResellerConnection higherId = Examples.resellerInvitation(
                UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"), customer, NOW);
        ResellerConnection sentEarlier = Examples.resellerInvitation(customer, NOW.minus(Duration.ofDays(1)));

        for (ResellerConnection invitation : List.of(first, lowerId, higherId, sentEarlier)) {
            assertThat(connections().addIfNoneOpen(invitation)).isTrue();
            assertThat(connections().latestOf(customer)).contains(invitation);
            ResellerConnection cancelled = invitation.ended(ResellerConnectionState.CANCELLED, NOW);
            assertThat(connections().update(cancelled, ResellerConnectionState.INVITED)).isTrue();
            assertThat(connections().latestOf(customer)).contains(cancelled);
        }
    }

    @Test
    void theLatestIsOfItsCustomerOnly() {
        AccountId customer = storedAccount();
        AccountId other = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);

        connections().addIfNoneOpen(Examples.resellerInvitation(other, NOW.plusSeconds(60)));

        assertThat(connections().latestOf(customer)).contains(invitation);
    }

    /** A stale expected state (another request changed the connection first) changes nothing. */
    @Test
    void updatesOnlyAConnectionStillInTheExpectedState() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection accepted = invitation.accepted(NOW.plusSeconds(60));
        ResellerConnection declined = invitation.ended(ResellerConnectionState.DECLINED, NOW.plusSeconds(90));

        assertThat(connections().update(accepted, ResellerConnectionState.CONNECTED)).as("not connected yet").isFalse();
        assertThat(connections().latestOf(customer)).contains(invitation);

        assertThat(connections().update(accepted, ResellerConnectionState.INVITED)).isTrue();
        assertThat(connections().update(declined, ResellerConnectionState.INVITED)).as("no longer invited").isFalse();

        assertThat(connections().latestOf(customer)).contains(accepted);
        assertThat(connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW))).as("still open").isFalse();
    }

    @Test
    void updatesNothingThatWasNeverAdded() {
        AccountId customer = storedAccount();
        ResellerConnection neverAdded = Examples.resellerInvitation(customer, NOW);

        assertThat(connections().update(neverAdded.accepted(NOW.plusSeconds(60)), ResellerConnectionState.INVITED))
                .isFalse();

        assertThat(connections().latestOf(customer)).isEmpty();
    }

    @Test
    void updatesOneConnectionOnly() {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        ResellerConnection ofAnother = Examples.resellerInvitation(storedAccount(), NOW);
        connections().addIfNoneOpen(invitation);
        connections().addIfNoneOpen(ofAnother);

        connections().update(invitation.accepted(NOW.plusSeconds(60)), ResellerConnectionState.INVITED);

        assertThat(connections().findByAcceptTokenHash(ofAnother.acceptTokenHash())).contains(ofAnother);
    }

    /**
     * An acceptance and a decline of one invitation at once: the second waits for the first's row lock, then finds
     * the invitation answered and changes nothing.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void ofTwoAnswersAtOnceOnlyTheFirstWins() throws Exception {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        ResellerConnection accepted = invitation.accepted(NOW.plusSeconds(60));
        CountDownLatch firstUpdated = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean updated = connections().update(accepted, ResellerConnectionState.INVITED);
                    firstUpdated.countDown();
                    await(releaseFirst);
                    return updated;
                }), SEPARATE_THREADS);
        await(firstUpdated);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> connections().update(
                invitation.ended(ResellerConnectionState.DECLINED, NOW.plusSeconds(61)), ResellerConnectionState.INVITED),
                SEPARATE_THREADS);
        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).as("waits for the first").isNotDone();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(connections().latestOf(customer)).contains(accepted);
    }

    /** The schema itself ties open_customer_id to the state, so the guarantee cannot be lost past the adapter. */
    @DatabaseOnly("reads its tables")
    @Test
    void theSchemaKeepsTheOpenCustomerOfExactlyTheOpenConnections() throws SQLException {
        AccountId customer = storedAccount();
        ResellerConnection invitation = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(invitation);
        assertThat(openCustomerOf(invitation)).isEqualTo(customer.value());

        assertThatThrownBy(() -> execute("UPDATE reseller_connection SET open_customer_id = NULL WHERE id = ?",
                invitation.id())).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("UPDATE reseller_connection SET open_customer_id = '" + UUID.randomUUID()
                + "' WHERE id = ?", invitation.id())).as("another customer").isInstanceOf(SQLException.class);
        connections().update(invitation.ended(ResellerConnectionState.CANCELLED, NOW), ResellerConnectionState.INVITED);
        assertThat(openCustomerOf(invitation)).isNull();
        assertThatThrownBy(() -> execute("UPDATE reseller_connection SET open_customer_id = customer_id WHERE id = ?",
                invitation.id())).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("UPDATE reseller_connection SET state = 'INVITED' WHERE id = ?",
                invitation.id())).isInstanceOf(SQLException.class);

        assertThat(connections().latestOf(customer))
                .contains(invitation.ended(ResellerConnectionState.CANCELLED, NOW));
    }

    @Test
    void claimsOnlyPendingInvitationsPastTheirSevenDays() {
        ResellerConnection dueLongAgo = invited(NOW.minus(Duration.ofDays(30)));
        ResellerConnection dueJustNow = invited(NOW);
        ResellerConnection dueInAMicrosecond = invited(NOW.plusNanos(1000));
        ResellerConnection connected = invited(NOW.minus(Duration.ofDays(20)));
        connections().update(connected.accepted(NOW.minus(Duration.ofDays(19))), ResellerConnectionState.INVITED);
        ResellerConnection cancelled = invited(NOW.minus(Duration.ofDays(20)));
        connections().update(cancelled.ended(ResellerConnectionState.CANCELLED, NOW.minus(Duration.ofDays(19))),
                ResellerConnectionState.INVITED);
        ResellerConnection markedExpired = invited(NOW.minus(Duration.ofDays(20)));
        connections().update(markedExpired.ended(ResellerConnectionState.EXPIRED, EXPIRY),
                ResellerConnectionState.INVITED);

        assertThat(connections().claimExpired(EXPIRY, 10)).containsExactlyInAnyOrder(dueLongAgo, dueJustNow);
        assertThat(connections().claimExpired(EXPIRY.plusNanos(1000), 10))
                .containsExactlyInAnyOrder(dueLongAgo, dueJustNow, dueInAMicrosecond);
        assertThat(connections().claimExpired(EXPIRY.minus(Duration.ofDays(365)), 10)).isEmpty();
    }

    /** As the job uses it: each batch ends what it claimed, and the next batch claims the rest. */
    @Test
    void claimsNoMoreThanTheLimit() {
        List<ResellerConnection> due = List.of(invited(NOW.minusSeconds(120)), invited(NOW.minusSeconds(60)),
                invited(NOW));

        assertThat(connections().claimExpired(EXPIRY, 2)).hasSize(2).isSubsetOf(due);
        assertThat(connections().claimExpired(EXPIRY, 0)).isEmpty();
        List<ResellerConnection> firstBatch = expireClaimed(2);
        List<ResellerConnection> secondBatch = expireClaimed(2);

        assertThat(firstBatch).hasSize(2);
        List<ResellerConnection> both = new ArrayList<>(firstBatch);
        both.addAll(secondBatch);
        assertThat(both).containsExactlyInAnyOrderElementsOf(due);
        assertThat(connections().claimExpired(EXPIRY, 2)).isEmpty();
    }

    /**
     * The expiry jobs of two instances at once: the second passes over the invitations the first holds, at once,
     * instead of waiting for them or taking them too.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aSecondClaimerSkipsTheInvitationsTheFirstHolds() throws Exception {
        List<ResellerConnection> due = List.of(invited(NOW.minusSeconds(120)), invited(NOW.minusSeconds(60)),
                invited(NOW));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<List<ResellerConnection>> first = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> {
                    List<ResellerConnection> claimed = connections().claimExpired(EXPIRY, 2);
                    firstClaimed.countDown();
                    await(releaseFirst);
                    return claimed;
                }), SEPARATE_THREADS);
        try {
            await(firstClaimed);
            CompletableFuture<List<ResellerConnection>> second = CompletableFuture.supplyAsync(
                    () -> ports.transactions().inTransaction(() -> connections().claimExpired(EXPIRY, 10)),
                    SEPARATE_THREADS);

            List<ResellerConnection> secondClaims = second.get(5, TimeUnit.SECONDS);
            releaseFirst.countDown();
            List<ResellerConnection> firstClaims = first.get(10, TimeUnit.SECONDS);

            assertThat(firstClaims).hasSize(2);
            List<ResellerConnection> both = new ArrayList<>(firstClaims);
            both.addAll(secondClaims);
            assertThat(both).as("the second gets what the first does not hold, while the first holds it")
                    .containsExactlyInAnyOrderElementsOf(due);
        } finally {
            releaseFirst.countDown();
        }
        assertThat(connections().claimExpired(EXPIRY, 10)).as("no longer held").containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void deletesEveryConnectionOfOneCustomerOnly() {
        AccountId customer = storedAccount();
        ResellerConnection ended = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(ended);
        connections().update(ended.ended(ResellerConnectionState.CANCELLED, NOW), ResellerConnectionState.INVITED);
        ResellerConnection open = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(open);
        ResellerConnection ofAnother = Examples.resellerInvitation(storedAccount(), NOW);
        connections().addIfNoneOpen(ofAnother);

        connections().deleteAllOf(customer);

        inTheTables(() -> assertThat(rowsOf(customer)).isZero());
        assertThat(connections().latestOf(customer)).isEmpty();
        assertThat(connections().findByAcceptTokenHash(open.acceptTokenHash())).isEmpty();
        assertThat(connections().findByUnsubscribeTokenHash(ended.unsubscribeTokenHash())).isEmpty();
        assertThat(connections().latestOf(ofAnother.customer())).contains(ofAnother);
        connections().deleteAllOf(customer);
        connections().deleteAllOf(new AccountId(UUID.randomUUID()));
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheAccountDeletesItsConnections() {
        AccountId customer = storedAccount();
        ResellerConnection ended = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(ended);
        connections().update(ended.ended(ResellerConnectionState.DECLINED, NOW), ResellerConnectionState.INVITED);
        ResellerConnection open = Examples.resellerInvitation(customer, NOW);
        connections().addIfNoneOpen(open);
        ResellerConnection ofAnother = Examples.resellerInvitation(storedAccount(), NOW);
        connections().addIfNoneOpen(ofAnother);

        assertThat(ports.accounts().delete(customer)).isTrue();

        assertThat(rowsOf(customer)).isZero();
        assertThat(connections().findByAcceptTokenHash(open.acceptTokenHash())).isEmpty();
        assertThat(connections().latestOf(ofAnother.customer())).contains(ofAnother);
    }

    /** A pending invitation of a customer of its own, sent at {@code sentAt}. */
    private ResellerConnection invited(Instant sentAt) {
        ResellerConnection invitation = Examples.resellerInvitation(storedAccount(), sentAt);
        assertThat(connections().addIfNoneOpen(invitation)).isTrue();
        return invitation;
    }

    /** One batch of the expiry job: claims at most {@code limit} and ends them as expired, in one transaction. */
    private List<ResellerConnection> expireClaimed(int limit) {
        return ports.transactions().inTransaction(() -> {
            List<ResellerConnection> claimed = connections().claimExpired(EXPIRY, limit);
            for (ResellerConnection invitation : claimed) {
                assertThat(connections().update(invitation.ended(ResellerConnectionState.EXPIRED, EXPIRY),
                        ResellerConnectionState.INVITED)).isTrue();
            }
            return claimed;
        });
    }

    private boolean inviteAfter(CyclicBarrier start, AccountId customer) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ports.transactions().inTransaction(
                () -> connections().addIfNoneOpen(Examples.resellerInvitation(customer, NOW)));
    }

    /** How many rows of {@code reseller_connection} belong to the customer, counted past the port. */
    private int rowsOf(AccountId customer) {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM reseller_connection WHERE customer_id = ?")) {
            count.setObject(1, customer.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID openCustomerOf(ResellerConnection stored) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT open_customer_id FROM reseller_connection WHERE id = ?")) {
            select.setObject(1, stored.id());
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getObject(1, UUID.class);
            }
        }
    }

    /** Runs an update of one connection past the port, as an operator (or a bug) might. */
    private void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
