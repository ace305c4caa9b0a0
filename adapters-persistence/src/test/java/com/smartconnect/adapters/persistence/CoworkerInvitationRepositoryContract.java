package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.invitation.InvitationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

abstract class CoworkerInvitationRepositoryContract extends PortContract {

    private CoworkerInvitationRepository invitations() {
        return ports.coworkerInvitations();
    }

    /** An invitation needs its company, and its sender an account in it: the table refers to both. */
    private Company storedCompany() {
        Company company = Examples.company();
        ports.companies().add(company);
        return company;
    }

    private AccountId storedAccount(CompanyId companyId) {
        Account account = Examples.account(companyId, Examples.uniqueEmail());
        ports.accounts().add(account);
        return account.id();
    }

    @Test
    void keepsAnInvitationWithItsInstantsToTheMicrosecond() {
        CompanyId companyId = storedCompany().id();
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        CoworkerInvitation invitation = Examples.invitation(companyId, storedAccount(companyId), withNanos);

        invitations().add(invitation);

        CoworkerInvitation found = invitations().findById(invitation.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(found.expiresAt()).isEqualTo(Instant.parse("2026-11-27T08:00:00.123456Z"));
        assertThat(found).isEqualTo(new CoworkerInvitation(invitation.id(), companyId, invitation.invitedBy(),
                invitation.email(), invitation.tokenHash(), found.createdAt(), found.expiresAt(),
                InvitationStatus.PENDING));
    }

    @Test
    void keepsAnInvitationWithoutASenderInEveryStoredStatus() {
        CompanyId companyId = storedCompany().id();
        for (InvitationStatus status : new InvitationStatus[] {InvitationStatus.PENDING, InvitationStatus.ACCEPTED,
                InvitationStatus.CANCELLED}) {
            CoworkerInvitation invitation = new CoworkerInvitation(UUID.randomUUID(), companyId, Optional.empty(),
                    Examples.uniqueEmail(), Examples.tokenHash(), Examples.NOW,
                    Examples.NOW.plus(CoworkerInvitation.VALIDITY), status);

            invitations().add(invitation);

            assertThat(invitations().findById(invitation.id())).contains(invitation);
        }
    }

    @Test
    void deletesEveryInvitationToAnAddressAndNoOther() {
        CompanyId first = storedCompany().id();
        CompanyId second = storedCompany().id();
        CoworkerInvitation toAda = Examples.invitation(first, storedAccount(first), Examples.NOW);
        CoworkerInvitation alsoToAda = new CoworkerInvitation(UUID.randomUUID(), second, java.util.Optional.empty(),
                toAda.email(), Examples.tokenHash(), Examples.NOW, Examples.NOW.plus(CoworkerInvitation.VALIDITY),
                com.smartconnect.domain.invitation.InvitationStatus.ACCEPTED);
        CoworkerInvitation toSomeoneElse = Examples.invitation(first, storedAccount(first), Examples.NOW);
        invitations().add(toAda);
        invitations().add(alsoToAda);
        invitations().add(toSomeoneElse);

        invitations().deleteAllTo(toAda.email());

        assertThat(invitations().findById(toAda.id())).isEmpty();
        assertThat(invitations().findById(alsoToAda.id())).isEmpty();
        assertThat(invitations().findById(toSomeoneElse.id())).contains(toSomeoneElse);
    }

    @Test
    void findsAnInvitationByTheHashOfItsToken() {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CoworkerInvitation invitation = Examples.invitation(companyId, inviter, Examples.NOW);
        CoworkerInvitation other = Examples.invitation(companyId, inviter, Examples.NOW);
        invitations().add(invitation);
        invitations().add(other);

        assertThat(invitations().findByTokenHash(invitation.tokenHash())).contains(invitation);
        assertThat(invitations().findByTokenHash(other.tokenHash())).contains(other);
        assertThat(invitations().findById(invitation.id())).contains(invitation);
    }

    @Test
    void findsNothingForAnUnknownIdOrTokenHash() {
        CompanyId companyId = storedCompany().id();
        invitations().add(Examples.invitation(companyId, storedAccount(companyId), Examples.NOW));

        assertThat(invitations().findById(UUID.randomUUID())).isEmpty();
        assertThat(invitations().findByTokenHash(Examples.tokenHash())).isEmpty();
        assertThat(invitations().listFor(new CompanyId(UUID.randomUUID()))).isEmpty();
    }

    /** Pending as stored: one past its seven days is still found, as the caller tells expiry from the time. */
    @Test
    void findsOnlyThePendingInvitationsOfOneAddressInOneCompany() {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CompanyId otherCompanyId = storedCompany().id();
        EmailAddress email = Examples.uniqueEmail();
        CoworkerInvitation pending = sent(companyId, inviter, email, Examples.NOW);
        CoworkerInvitation expired = sent(companyId, inviter, email,
                Examples.NOW.minus(CoworkerInvitation.VALIDITY).minusSeconds(60));
        CoworkerInvitation cancelled = sent(companyId, inviter, email, Examples.NOW.minusSeconds(60)).cancelled();
        CoworkerInvitation accepted = sent(companyId, inviter, email, Examples.NOW.minusSeconds(120)).accepted();
        CoworkerInvitation ofAnotherAddress = sent(companyId, inviter, Examples.uniqueEmail(), Examples.NOW);
        CoworkerInvitation ofAnotherCompany = sent(otherCompanyId, storedAccount(otherCompanyId), email, Examples.NOW);
        for (CoworkerInvitation invitation : new CoworkerInvitation[] {pending, expired, cancelled, accepted,
                ofAnotherAddress, ofAnotherCompany}) {
            invitations().add(invitation);
        }

        assertThat(invitations().findPending(companyId, email)).containsExactlyInAnyOrder(pending, expired);
        assertThat(invitations().findPending(otherCompanyId, email)).containsExactly(ofAnotherCompany);
        assertThat(invitations().findPending(companyId, Examples.uniqueEmail())).isEmpty();
    }

    @Test
    void listsEveryInvitationOfOneCompanyNewestFirst() {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CompanyId otherCompanyId = storedCompany().id();
        CoworkerInvitation oldest = Examples.invitation(companyId, inviter, Examples.NOW.minusSeconds(120));
        CoworkerInvitation newest = Examples.invitation(companyId, inviter, Examples.NOW.plusNanos(1000));
        CoworkerInvitation middle = Examples.invitation(companyId, inviter, Examples.NOW).cancelled();
        CoworkerInvitation ofAnotherCompany = Examples.invitation(otherCompanyId, storedAccount(otherCompanyId),
                Examples.NOW.plusSeconds(60));
        for (CoworkerInvitation invitation : new CoworkerInvitation[] {middle, oldest, ofAnotherCompany, newest}) {
            invitations().add(invitation);
        }

        assertThat(invitations().listFor(companyId)).containsExactly(newest, middle, oldest);
        assertThat(invitations().listFor(otherCompanyId)).containsExactly(ofAnotherCompany);
    }

    @Test
    void savesTheNewStatusOfAnInvitation() {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CoworkerInvitation toCancel = Examples.invitation(companyId, inviter, Examples.NOW);
        CoworkerInvitation toAccept = Examples.invitation(companyId, inviter, Examples.NOW);
        CoworkerInvitation untouched = Examples.invitation(companyId, inviter, Examples.NOW);
        invitations().add(toCancel);
        invitations().add(toAccept);
        invitations().add(untouched);

        assertThat(invitations().settle(toCancel.cancelled())).isTrue();
        assertThat(invitations().settle(toAccept.accepted())).isTrue();

        assertThat(invitations().findById(toCancel.id())).contains(toCancel.cancelled());
        assertThat(invitations().findById(toAccept.id())).contains(toAccept.accepted());
        assertThat(invitations().findById(untouched.id())).contains(untouched);
        assertThat(invitations().findPending(companyId, toCancel.email())).isEmpty();
    }

    @Test
    void settlesNothingThatWasNeverAdded() {
        CompanyId companyId = storedCompany().id();
        CoworkerInvitation neverAdded = Examples.invitation(companyId, storedAccount(companyId), Examples.NOW);

        assertThat(invitations().settle(neverAdded.cancelled())).isFalse();
        assertThat(invitations().findById(neverAdded.id())).isEmpty();
    }

    /** A cancel and an acceptance of one invitation: the first wins, the second is told and changes nothing. */
    @Test
    void onlyThePendingInvitationIsSettledSoTheSecondOfTwoSettlementsLoses() {
        CompanyId companyId = storedCompany().id();
        CoworkerInvitation invitation = Examples.invitation(companyId, storedAccount(companyId), Examples.NOW);
        invitations().add(invitation);

        assertThat(invitations().settle(invitation.cancelled())).isTrue();
        assertThat(invitations().settle(invitation.accepted())).isFalse();

        assertThat(invitations().findById(invitation.id())).contains(invitation.cancelled());
    }

    @Test
    void refusesASecondInvitationWithTheSameTokenHash() {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CoworkerInvitation invitation = Examples.invitation(companyId, inviter, Examples.NOW);
        invitations().add(invitation);
        CoworkerInvitation sameToken = new CoworkerInvitation(UUID.randomUUID(), companyId, Optional.of(inviter),
                Examples.uniqueEmail(), invitation.tokenHash(), Examples.NOW,
                Examples.NOW.plus(CoworkerInvitation.VALIDITY), InvitationStatus.PENDING);

        assertThatThrownBy(() -> invitations().add(sameToken)).isInstanceOf(RuntimeException.class);
        assertThat(invitations().findById(sameToken.id())).isEmpty();
    }

    /** The invitation outlives the account that sent it, which it then no longer names. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheSendersAccountKeepsItsInvitationsWithoutASender() throws SQLException {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        AccountId coworker = storedAccount(companyId);
        CoworkerInvitation sentByInviter = Examples.invitation(companyId, inviter, Examples.NOW);
        CoworkerInvitation sentByCoworker = Examples.invitation(companyId, coworker, Examples.NOW);
        invitations().add(sentByInviter);
        invitations().add(sentByCoworker);

        deleteRow("DELETE FROM account WHERE id = ?", inviter.value());

        CoworkerInvitation kept = invitations().findById(sentByInviter.id()).orElseThrow();
        assertThat(kept.invitedBy()).isEmpty();
        assertThat(kept).isEqualTo(new CoworkerInvitation(sentByInviter.id(), companyId, Optional.empty(),
                sentByInviter.email(), sentByInviter.tokenHash(), sentByInviter.createdAt(),
                sentByInviter.expiresAt(), sentByInviter.status()));
        assertThat(invitations().findById(sentByCoworker.id())).contains(sentByCoworker);
        assertThat(invitations().listFor(companyId)).hasSize(2);
    }

    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void deletingTheCompanyDeletesItsInvitations() throws SQLException {
        CompanyId companyId = storedCompany().id();
        AccountId inviter = storedAccount(companyId);
        CoworkerInvitation invitation = Examples.invitation(companyId, inviter, Examples.NOW);
        invitations().add(invitation);
        CompanyId otherCompanyId = storedCompany().id();
        CoworkerInvitation ofAnotherCompany = Examples.invitation(otherCompanyId, storedAccount(otherCompanyId),
                Examples.NOW);
        invitations().add(ofAnotherCompany);

        deleteRow("DELETE FROM account WHERE id = ?", inviter.value());
        deleteRow("DELETE FROM company WHERE id = ?", companyId.value());

        assertThat(invitations().findById(invitation.id())).isEmpty();
        assertThat(invitations().findByTokenHash(invitation.tokenHash())).isEmpty();
        assertThat(invitations().listFor(companyId)).isEmpty();
        assertThat(invitations().findById(ofAnotherCompany.id())).contains(ofAnotherCompany);
    }

    private static CoworkerInvitation sent(CompanyId companyId, AccountId inviter, EmailAddress email, Instant at) {
        return CoworkerInvitation.send(UUID.randomUUID(), companyId, inviter, email, Examples.tokenHash(), at);
    }

    /** Deletes one row behind the adapter's back, as the account deletion or an operator would. */
    private void deleteRow(String sql, UUID id) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setObject(1, id);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
