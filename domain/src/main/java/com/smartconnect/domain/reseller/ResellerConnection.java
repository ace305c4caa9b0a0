package com.smartconnect.domain.reseller;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One invitation of a reseller by a customer, and the connection it becomes when accepted. The reseller acts
 * through two secret links, kept as hashes: accept (of the invitation mail) and unsubscribe (of every mail to them,
 * for this connection). A new invitation is a new connection; the earlier ones stay ended, and their links lead to a
 * page that says so.
 *
 * @param endedAt when the connection reached its end state (declined, expired, cancelled, unsubscribed, disconnected)
 */
public record ResellerConnection(
        UUID id,
        AccountId customer,
        EmailAddress resellerEmail,
        ResellerConnectionState state,
        Instant invitedAt,
        Instant expiresAt,
        Optional<Instant> connectedAt,
        Optional<Instant> endedAt,
        String acceptTokenHash,
        String unsubscribeTokenHash) {

    /** An invitation expires this long after it was sent. */
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    public ResellerConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(resellerEmail, "resellerEmail");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(acceptTokenHash, "acceptTokenHash");
        Objects.requireNonNull(unsubscribeTokenHash, "unsubscribeTokenHash");
        if (state.isOpen() == endedAt.isPresent()) {
            throw new IllegalArgumentException("an open connection has no end, an ended one has: " + state);
        }
    }

    /** A new invitation, sent at {@code now}. */
    public static ResellerConnection invite(UUID id, AccountId customer, EmailAddress resellerEmail,
            String acceptTokenHash, String unsubscribeTokenHash, Instant now) {
        return new ResellerConnection(id, customer, resellerEmail, ResellerConnectionState.INVITED, now,
                now.plus(INVITATION_VALIDITY), Optional.empty(), Optional.empty(), acceptTokenHash, unsubscribeTokenHash);
    }

    /** The state at {@code now}: an invitation past its 7 days is expired, even before the expiry job has run. */
    public ResellerConnectionState stateAt(Instant now) {
        return state == ResellerConnectionState.INVITED && !now.isBefore(expiresAt) ? ResellerConnectionState.EXPIRED : state;
    }

    /** Whether this connection keeps the customer from inviting another reseller at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return stateAt(now).isOpen();
    }

    /** The connection after the reseller accepted at {@code now}; only a pending, unexpired invitation can be. */
    public ResellerConnection accepted(Instant now) {
        requireState(now, ResellerConnectionState.INVITED);
        return new ResellerConnection(id, customer, resellerEmail, ResellerConnectionState.CONNECTED, invitedAt,
                expiresAt, Optional.of(now), Optional.empty(), acceptTokenHash, unsubscribeTokenHash);
    }

    /**
     * The connection ended at {@code now} in {@code end}; the state it must be in first follows from the end:
     * an invitation is declined, expired or cancelled, a connection is unsubscribed from or disconnected. An
     * expired invitation ended when its 7 days did.
     */
    public ResellerConnection ended(ResellerConnectionState end, Instant now) {
        ResellerConnectionState from = switch (end) {
            case DECLINED, CANCELLED -> ResellerConnectionState.INVITED;
            case EXPIRED -> {
                if (state != ResellerConnectionState.INVITED || now.isBefore(expiresAt)) {
                    throw new IllegalStateException("only an invitation past its 7 days expires");
                }
                yield ResellerConnectionState.EXPIRED;
            }
            case UNSUBSCRIBED, DISCONNECTED -> ResellerConnectionState.CONNECTED;
            case INVITED, CONNECTED -> throw new IllegalArgumentException(end + " is not an end");
        };
        requireState(now, from);
        // An invitation expired when its 7 days ended, whenever that was noticed.
        Instant endedAt = end == ResellerConnectionState.EXPIRED ? expiresAt : now;
        return new ResellerConnection(id, customer, resellerEmail, end, invitedAt, expiresAt, connectedAt,
                Optional.of(endedAt), acceptTokenHash, unsubscribeTokenHash);
    }

    private void requireState(Instant now, ResellerConnectionState expected) {
        if (stateAt(now) != expected) {
            throw new IllegalStateException("the connection is " + stateAt(now) + ", not " + expected);
        }
    }
}
