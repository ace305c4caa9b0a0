package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.COWORKER_INVITATION;

import com.smartconnect.adapters.persistence.jooq.tables.records.CoworkerInvitationRecord;
import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.invitation.InvitationStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The co-worker invitations, in table {@code coworker_invitation}, found by id, by the unique hash of their token,
 * or by company. Deleting the company deletes its invitations ({@code ON DELETE CASCADE}); deleting the account
 * that sent one keeps it without a sender ({@code ON DELETE SET NULL}).
 */
final class DatabaseCoworkerInvitations implements CoworkerInvitationRepository {

    private final DatabaseTransactions transactions;

    DatabaseCoworkerInvitations(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(CoworkerInvitation invitation) {
        transactions.dsl().executeInsert(new CoworkerInvitationRecord(invitation.id(),
                invitation.companyId().value(), invitation.invitedBy().map(AccountId::value).orElse(null),
                invitation.email().value(), invitation.tokenHash(), Timestamps.column(invitation.createdAt()),
                Timestamps.column(invitation.expiresAt()), invitation.status().name()));
    }

    @Override
    public Optional<CoworkerInvitation> findById(UUID id) {
        return transactions.dsl().selectFrom(COWORKER_INVITATION).where(COWORKER_INVITATION.ID.eq(id))
                .fetchOptional()
                .map(DatabaseCoworkerInvitations::invitation);
    }

    @Override
    public Optional<CoworkerInvitation> findByTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(COWORKER_INVITATION).where(COWORKER_INVITATION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabaseCoworkerInvitations::invitation);
    }

    /** Along the index on {@code (company_id, email)}; expired ones too, as their stored status is pending. */
    @Override
    public List<CoworkerInvitation> findPending(CompanyId companyId, EmailAddress email) {
        return transactions.dsl().selectFrom(COWORKER_INVITATION)
                .where(COWORKER_INVITATION.COMPANY_ID.eq(companyId.value()))
                .and(COWORKER_INVITATION.EMAIL.eq(email.value()))
                .and(COWORKER_INVITATION.STATUS.eq(InvitationStatus.PENDING.name()))
                .orderBy(COWORKER_INVITATION.CREATED_AT.desc(), COWORKER_INVITATION.ID)
                .fetch(DatabaseCoworkerInvitations::invitation);
    }

    /** Newest first; invitations of the same instant in the order of their ids, so that the order is stable. */
    @Override
    public List<CoworkerInvitation> listFor(CompanyId companyId) {
        return transactions.dsl().selectFrom(COWORKER_INVITATION)
                .where(COWORKER_INVITATION.COMPANY_ID.eq(companyId.value()))
                .orderBy(COWORKER_INVITATION.CREATED_AT.desc(), COWORKER_INVITATION.ID)
                .fetch(DatabaseCoworkerInvitations::invitation);
    }

    @Override
    public void deleteAllTo(EmailAddress email) {
        transactions.dsl().deleteFrom(COWORKER_INVITATION).where(COWORKER_INVITATION.EMAIL.eq(email.value())).execute();
    }

    /**
     * Writes only {@code status}, and only over a pending one: the condition in the UPDATE makes the database decide
     * which of two concurrent settlements wins (the second waits for the first's row lock, then matches nothing).
     */
    @Override
    public boolean settle(CoworkerInvitation invitation) {
        return transactions.dsl().update(COWORKER_INVITATION)
                .set(COWORKER_INVITATION.STATUS, invitation.status().name())
                .where(COWORKER_INVITATION.ID.eq(invitation.id()))
                .and(COWORKER_INVITATION.STATUS.eq(InvitationStatus.PENDING.name()))
                .execute() == 1;
    }

    private static CoworkerInvitation invitation(CoworkerInvitationRecord row) {
        return new CoworkerInvitation(row.getId(), new CompanyId(row.getCompanyId()),
                Optional.ofNullable(row.getInvitedBy()).map(AccountId::new), new EmailAddress(row.getEmail()),
                row.getTokenHash(), Timestamps.instant(row.getCreatedAt()), Timestamps.instant(row.getExpiresAt()),
                InvitationStatus.valueOf(row.getStatus()));
    }
}
