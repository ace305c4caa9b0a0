package com.smartconnect.domain.invitation;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An invitation of a co-worker into a company, known to the invitee by the token in its mail (kept only as a hash).
 * It can be used to sign up for 7 days, and withdrawn until it is used.
 *
 * @param invitedBy the account that sent it; empty once that account is deleted
 * @param status {@code PENDING}, {@code ACCEPTED} or {@code CANCELLED} as stored; expiry follows from the time
 */
public record CoworkerInvitation(
        UUID id,
        CompanyId companyId,
        Optional<AccountId> invitedBy,
        EmailAddress email,
        String tokenHash,
        Instant createdAt,
        Instant expiresAt,
        InvitationStatus status) {

    public static final Duration VALIDITY = Duration.ofDays(7);

    public CoworkerInvitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        if (status == InvitationStatus.EXPIRED) {
            throw new IllegalArgumentException("expiry is not stored: it follows from expiresAt");
        }
    }

    public static CoworkerInvitation send(UUID id, CompanyId companyId, AccountId invitedBy, EmailAddress email,
            String tokenHash, Instant now) {
        return new CoworkerInvitation(id, companyId, Optional.of(invitedBy), email, tokenHash, now, now.plus(VALIDITY),
                InvitationStatus.PENDING);
    }

    /** The status a person sees at {@code now}: a pending invitation past its 7 days has expired. */
    public InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }

    /** Whether someone can still sign up with it at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return statusAt(now) == InvitationStatus.PENDING;
    }

    public CoworkerInvitation accepted() {
        return withStatus(InvitationStatus.ACCEPTED);
    }

    public CoworkerInvitation cancelled() {
        return withStatus(InvitationStatus.CANCELLED);
    }

    private CoworkerInvitation withStatus(InvitationStatus next) {
        return new CoworkerInvitation(id, companyId, invitedBy, email, tokenHash, createdAt, expiresAt, next);
    }
}
