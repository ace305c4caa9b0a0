package com.smartconnect.application.fake;

import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link ResellerConnectionRepository} in a list, newest last. */
public final class InMemoryResellerConnections implements ResellerConnectionRepository {

    private final List<ResellerConnection> connections = new ArrayList<>();

    @Override
    public synchronized boolean addIfNoneOpen(ResellerConnection invitation) {
        if (invitation.state() != ResellerConnectionState.INVITED) {
            throw new IllegalArgumentException("only a new invitation is added, not a connection " + invitation.state());
        }
        // As the database's unique keys on the link hashes do.
        if (findByAcceptTokenHash(invitation.acceptTokenHash()).isPresent()
                || findByUnsubscribeTokenHash(invitation.unsubscribeTokenHash()).isPresent()) {
            throw new IllegalStateException("a connection of this link hash exists");
        }
        if (connections.stream().anyMatch(c -> c.customer().equals(invitation.customer()) && c.state().isOpen())) {
            return false;
        }
        connections.add(invitation);
        return true;
    }

    @Override
    public synchronized Optional<ResellerConnection> latestOf(AccountId customer) {
        // The last stored, as the database orders by insertion: two invitations can share a clock instant.
        return connections.stream().filter(c -> c.customer().equals(customer)).reduce((earlier, later) -> later);
    }

    @Override
    public synchronized int invitationsSince(AccountId customer, Instant since) {
        return (int) connections.stream()
                .filter(c -> c.customer().equals(customer) && c.invitedAt().isAfter(since)).count();
    }

    @Override
    public synchronized Optional<ResellerConnection> findByAcceptTokenHash(String tokenHash) {
        return connections.stream().filter(c -> c.acceptTokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<ResellerConnection> findById(java.util.UUID id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public synchronized Optional<ResellerConnection> findByUnsubscribeTokenHash(String tokenHash) {
        return connections.stream().filter(c -> c.unsubscribeTokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized boolean update(ResellerConnection changed, ResellerConnectionState expected) {
        for (int i = 0; i < connections.size(); i++) {
            ResellerConnection stored = connections.get(i);
            if (stored.id().equals(changed.id())) {
                if (stored.state() != expected) {
                    return false;
                }
                connections.set(i, changed);
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<ResellerConnection> claimExpired(Instant now, int limit) {
        return connections.stream()
                .filter(c -> c.state() == ResellerConnectionState.INVITED && !now.isBefore(c.expiresAt()))
                .limit(limit).toList();
    }

    @Override
    public synchronized void deleteAllOf(AccountId customer) {
        connections.removeIf(c -> c.customer().equals(customer));
    }

    public synchronized int size() {
        return connections.size();
    }
}
