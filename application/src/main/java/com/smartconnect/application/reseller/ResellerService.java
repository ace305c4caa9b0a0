package com.smartconnect.application.reseller;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.ResellerOffer;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.reseller.port.in.CancelResellerInvitationCommand;
import com.smartconnect.application.reseller.port.in.DisconnectResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerResult;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerChangeResult;
import com.smartconnect.application.reseller.port.in.ResellerInterestCommand;
import com.smartconnect.application.reseller.port.in.ResellerQuery;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer's Reseller page: one reseller address at a time, invited by mail, the invitation cancelled while it
 * is pending, the connection ended by a disconnect; and the "Not interested?" setting.
 */
public final class ResellerService implements ResellerQuery, ResellerOffer, InviteResellerUseCase, ManageResellerUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final ResellerConnectionRepository connections;
    private final ResellerPreferences preferences;
    private final MailOutbox outbox;
    private final ResellerMails mails;

    @Inject
    public ResellerService(Clock clock, RandomSource random, Transactions transactions, AccountRepository accounts,
            CompanyRepository companies, ResellerConnectionRepository connections, ResellerPreferences preferences,
            MailOutbox outbox, ResellerMails mails) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
        this.connections = connections;
        this.preferences = preferences;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public boolean offerOnDeviceRegistration(AccountId customer) {
        return resellerOf(customer).offerOnDeviceRegistration();
    }

    @Override
    public ResellerView resellerOf(AccountId customer) {
        return view(customer, clock.instant());
    }

    @Override
    public InviteResellerResult invite(InviteResellerCommand command) {
        EmailAddress email;
        try {
            email = new EmailAddress(command.email());
        } catch (DomainViolation invalid) {
            return new InviteResellerResult.Invalid(List.of(new FieldError("email", invalid.code(), invalid.getMessage())));
        }
        Account customer = accounts.findById(command.user().accountId()).orElseThrow(AccountNoLongerExists::new);
        String companyName = companies.findById(customer.companyId()).orElseThrow(AccountNoLongerExists::new)
                .details().name();
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<ResellerConnection> latest = connections.latestOf(customer.id());
            if (latest.isPresent()) {
                switch (latest.get().stateAt(now)) {
                    case INVITED -> {
                        return new InviteResellerResult.AlreadyInvited();
                    }
                    case CONNECTED -> {
                        return new InviteResellerResult.AlreadyConnected();
                    }
                    case EXPIRED -> {
                        // Past its 7 days but not marked yet: mark it now, and tell the customer, as the job would.
                        if (latest.get().state() == ResellerConnectionState.INVITED) {
                            ResellerInvitationExpiryJob.expire(latest.get(), now, connections, outbox, mails);
                        }
                    }
                    default -> {
                    }
                }
            }
            java.time.Instant dayAgo = now.minus(java.time.Duration.ofDays(1));
            if (connections.invitationsSince(customer.id(), dayAgo) >= InviteResellerResult.DAILY_LIMIT) {
                return new InviteResellerResult.TooManyInvitations(java.time.Duration.ofHours(1));
            }
            String acceptToken = SecretTokens.newToken(random);
            String unsubscribeToken = SecretTokens.newToken(random);
            ResellerConnection invitation = ResellerConnection.invite(random.uuid(), customer.id(), email,
                    SecretTokens.hash(acceptToken), SecretTokens.hash(unsubscribeToken), now);
            if (!connections.addIfNoneOpen(invitation)) {
                // Another invitation of this customer was stored at the same moment.
                return new InviteResellerResult.AlreadyInvited();
            }
            outbox.enqueue(mails.invitation(invitation, customer.name().full(), companyName, acceptToken, unsubscribeToken));
            return new InviteResellerResult.Invited(view(customer.id(), now));
        });
    }

    @Override
    public ResellerChangeResult cancelInvitation(CancelResellerInvitationCommand command) {
        return end(command.user(), ResellerConnectionState.INVITED, ResellerConnectionState.CANCELLED);
    }

    @Override
    public ResellerChangeResult disconnect(DisconnectResellerCommand command) {
        return end(command.user(), ResellerConnectionState.CONNECTED, ResellerConnectionState.DISCONNECTED);
    }

    private ResellerChangeResult end(AuthenticatedUser user, ResellerConnectionState from, ResellerConnectionState to) {
        AccountId customer = user.accountId();
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<ResellerConnection> latest = connections.latestOf(customer).filter(c -> c.stateAt(now) == from);
            if (latest.isEmpty() || !connections.update(latest.get().ended(to, now), from)) {
                return new ResellerChangeResult.NothingToChange(view(customer, now));
            }
            return new ResellerChangeResult.Changed(view(customer, now));
        });
    }

    @Override
    public ResellerView setNotInterested(ResellerInterestCommand command) {
        AccountId customer = command.user().accountId();
        preferences.setNotInterested(customer, command.notInterested());
        return view(customer, clock.instant());
    }

    private ResellerView view(AccountId customer, Instant now) {
        Optional<ResellerConnection> latest = connections.latestOf(customer);
        boolean notInterested = preferences.notInterested(customer);
        Optional<ResellerConnectionState> state = latest.map(c -> c.stateAt(now));
        boolean offer = !notInterested && state.map(s -> !s.isOpen()).orElse(true);
        return new ResellerView(state,
                latest.map(c -> c.resellerEmail().value()),
                latest.map(ResellerConnection::invitedAt),
                latest.map(ResellerConnection::expiresAt),
                latest.flatMap(ResellerConnection::connectedAt),
                // An invitation past its 7 days ended then, even before the expiry job marked it.
                latest.flatMap(ResellerConnection::endedAt).or(() -> state
                        .filter(s -> s == ResellerConnectionState.EXPIRED).map(s -> latest.get().expiresAt())),
                notInterested, offer);
    }
}
