package com.smartconnect.application.account.invitation.port.out;

import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where co-worker invitations are kept, by company, and by the hash of their token. */
public interface CoworkerInvitationRepository {

    void add(CoworkerInvitation invitation);

    Optional<CoworkerInvitation> findById(UUID id);

    Optional<CoworkerInvitation> findByTokenHash(String tokenHash);

    /** The company's invitations to {@code email} whose stored status is pending (some may have expired). */
    List<CoworkerInvitation> findPending(CompanyId companyId, EmailAddress email);

    /** Every invitation of the company, newest first. */
    List<CoworkerInvitation> listFor(CompanyId companyId);

    /** Deletes every invitation to {@code email}, in any company: part of deleting that person's account. */
    void deleteAllTo(EmailAddress email);

    /**
     * Saves the new status (accepted or cancelled) of an invitation that is still pending as stored; {@code false},
     * and nothing changed, if it is not (another request settled it first, or it was never added). So a cancel and an
     * acceptance at the same moment cannot both win.
     */
    boolean settle(CoworkerInvitation invitation);
}
