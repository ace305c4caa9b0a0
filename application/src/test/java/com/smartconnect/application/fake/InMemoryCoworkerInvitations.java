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
    public void add(CoworkerInvitation invitation) {
        byId.put(invitation.id(), invitation);
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
        byId.put(invitation.id(), invitation);
        return true;
    }
}
