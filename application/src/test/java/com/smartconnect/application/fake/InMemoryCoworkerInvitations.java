package com.smartconnect.application.fake;

import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.invitation.InvitationStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CoworkerInvitationRepository} in a map. */
public final class InMemoryCoworkerInvitations implements CoworkerInvitationRepository {

    private final Map<UUID, CoworkerInvitation> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(CoworkerInvitation invitation) {
        // As the database's unique key on the token hash does.
        if (findByTokenHash(invitation.tokenHash()).isPresent()) {
            throw new IllegalStateException("an invitation of this token hash exists");
        }
        byId.put(invitation.id(), stored(invitation));
    }

    @Override
    public Optional<CoworkerInvitation> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<CoworkerInvitation> findByTokenHash(String tokenHash) {
        return byId.values().stream().filter(i -> i.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public List<CoworkerInvitation> findPending(CompanyId companyId, EmailAddress email) {
        return byId.values().stream()
                .filter(i -> i.companyId().equals(companyId) && i.email().equals(email)
                        && i.status() == InvitationStatus.PENDING)
                .toList();
    }

    @Override
    public List<CoworkerInvitation> listFor(CompanyId companyId) {
        return byId.values().stream().filter(i -> i.companyId().equals(companyId))
                .sorted(Comparator.comparing(CoworkerInvitation::createdAt).reversed()).toList();
    }

    @Override
    public void deleteAllTo(EmailAddress email) {
        byId.values().removeIf(i -> i.email().equals(email));
    }

    @Override
    public synchronized boolean settle(CoworkerInvitation invitation) {
        CoworkerInvitation stored = byId.get(invitation.id());
        if (stored == null || stored.status() != InvitationStatus.PENDING) {
            return false;
        }
        byId.put(invitation.id(), stored(invitation));
        return true;
    }

    /** As the database keeps it: its instants to the microsecond. */
    private static CoworkerInvitation stored(CoworkerInvitation invitation) {
        return new CoworkerInvitation(invitation.id(), invitation.companyId(), invitation.invitedBy(),
                invitation.email(), invitation.tokenHash(), ColumnPrecision.micros(invitation.createdAt()),
                ColumnPrecision.micros(invitation.expiresAt()), invitation.status());
    }
}
