package com.smartconnect.application.account.invitation;

import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationCommand;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationResult;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.account.invitation.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.account.invitation.port.in.InvitationLookup;
import com.smartconnect.application.account.invitation.port.in.InvitationLookupQuery;
import com.smartconnect.application.account.invitation.port.in.InvitationView;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerResult;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Co-worker invitations: any member of a company invites, lists and withdraws the company's invitations. An address
 * that is already a member, or has a pending invitation, is refused with the portal's "already invited" message; an
 * address with an account in another company is invited like any other, so the answer tells nothing about it.
 */
public final class CoworkerInvitationService implements InviteCoworkerUseCase, CoworkerInvitationsQuery,
        CancelCoworkerInvitationUseCase, InvitationLookupQuery {

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final CoworkerInvitationRepository invitations;
    private final MailOutbox outbox;

    @Inject
    public CoworkerInvitationService(Clock clock, RandomSource random, Transactions transactions,
            AccountRepository accounts, CompanyRepository companies, CoworkerInvitationRepository invitations,
            MailOutbox outbox) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
        this.invitations = invitations;
        this.outbox = outbox;
    }

    @Override
    public InviteCoworkerResult invite(InviteCoworkerCommand command) {
        EmailAddress email;
        try {
            email = new EmailAddress(command.email());
        } catch (DomainViolation invalid) {
            return new InviteCoworkerResult.Invalid(new FieldError("email", invalid.code(), invalid.getMessage()));
        }
        Account inviter = member(command.user());
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            boolean member = accounts.findByEmail(email).filter(a -> a.companyId().equals(inviter.companyId())).isPresent();
            boolean pending = invitations.findPending(inviter.companyId(), email).stream().anyMatch(i -> i.isOpenAt(now));
            if (member || pending) {
                return new InviteCoworkerResult.AlreadyInvited();
            }
            String token = SecretTokens.newToken(random);
            CoworkerInvitation invitation = CoworkerInvitation.send(random.uuid(), inviter.companyId(), inviter.id(), email,
                    SecretTokens.hash(token), now);
            invitations.add(invitation);
            String companyName = companies.findById(inviter.companyId()).orElseThrow(AccountNoLongerExists::new).details().name();
            outbox.enqueue(new OutgoingMail(new MailId(random.uuid()), email, MailTemplate.COWORKER_INVITATION, Map.of(
                    "inviterName", inviter.name().full(),
                    "companyName", companyName,
                    "token", token,
                    "validDays", Long.toString(CoworkerInvitation.VALIDITY.toDays()))));
            return new InviteCoworkerResult.Invited(view(invitation, now));
        });
    }

    @Override
    public List<InvitationView> invitationsOf(AuthenticatedUser user) {
        Instant now = clock.instant();
        return invitations.listFor(member(user).companyId()).stream().map(i -> view(i, now)).toList();
    }

    @Override
    public CancelCoworkerInvitationResult cancel(CancelCoworkerInvitationCommand command) {
        Account member = member(command.user());
        return transactions.inTransaction(() -> invitations.findById(command.invitationId())
                .filter(i -> i.companyId().equals(member.companyId()))
                .<CancelCoworkerInvitationResult>map(i -> {
                    if (!i.isOpenAt(clock.instant()) || !invitations.settle(i.cancelled())) {
                        return new CancelCoworkerInvitationResult.NotPending();
                    }
                    return new CancelCoworkerInvitationResult.Cancelled();
                })
                .orElseGet(CancelCoworkerInvitationResult.NotFound::new));
    }

    @Override
    public InvitationLookup lookup(String invitationToken) {
        Instant now = clock.instant();
        return invitations.findByTokenHash(SecretTokens.hash(invitationToken))
                .filter(i -> i.isOpenAt(now))
                .flatMap(i -> companies.findById(i.companyId())
                        .<InvitationLookup>map(c -> new InvitationLookup.Open(i.email(), c.details().name(), i.expiresAt())))
                .orElseGet(InvitationLookup.NoLongerValid::new);
    }

    private Account member(AuthenticatedUser user) {
        return accounts.findById(user.accountId()).orElseThrow(AccountNoLongerExists::new);
    }

    private static InvitationView view(CoworkerInvitation invitation, Instant now) {
        return new InvitationView(invitation.id(), invitation.email(), invitation.statusAt(now), invitation.createdAt(),
                invitation.expiresAt());
    }
}
