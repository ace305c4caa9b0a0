package com.smartconnect.application.reseller.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where customers' reseller connections are kept: every invitation, the latest of each customer being its current
 * one. The secret links are known only by their hashes.
 */
public interface ResellerConnectionRepository {

    /**
     * Stores a new invitation, unless the customer has an open connection (invited or connected) already: false then.
     * The database guarantees it, so two invitations sent at the same moment cannot both be stored.
     */
    boolean addIfNoneOpen(ResellerConnection invitation);

    /** The customer's newest connection (the last stored, even when two share an instant), whatever its state. */
    Optional<ResellerConnection> latestOf(AccountId customer);

    /** The customer's invitations sent after {@code since} (whatever became of them). */
    int invitationsSince(AccountId customer, Instant since);

    Optional<ResellerConnection> findByAcceptTokenHash(String tokenHash);

    Optional<ResellerConnection> findByUnsubscribeTokenHash(String tokenHash);

    /** The connection with this id (named by the signed unsubscribe link of a reminder mail). */
    Optional<ResellerConnection> findById(UUID id);

    /**
     * Stores the new state of a connection (with its connected or ended time) only if it is still in {@code expected}:
     * false when another request changed it first, so that of two answers at the same moment exactly one wins.
     */
    boolean update(ResellerConnection changed, ResellerConnectionState expected);

    /**
     * Invitations still marked invited whose 7 days ended at or before {@code now}, at most {@code limit}, locked until
     * the transaction ends and skipped by other instances meanwhile (claims of the expiry job).
     */
    List<ResellerConnection> claimExpired(Instant now, int limit);

    /** Removes every connection of a customer (account deletion). */
    void deleteAllOf(AccountId customer);
}
