package com.smartconnect.application.reseller;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.reseller.port.in.ResellerLink;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The reseller's side, through the secret links of their mails: accept the invitation, or unsubscribe (decline the
 * invitation, or leave the connection). The customer is told by mail of each.
 */
public final class ResellerLinkService implements ResellerLinkUseCase {

    /**
     * The purpose of the signed unsubscribe tokens of the reminder mails to a reseller; their subject is the
     * connection's id.
     */
    public static final String UNSUBSCRIBE_PURPOSE = "reseller-unsubscribe";

    private final Clock clock;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final ResellerConnectionRepository connections;
    private final MailOutbox outbox;
    private final ResellerMails mails;
    private final LinkSigner signer;

    @Inject
    public ResellerLinkService(Clock clock, Transactions transactions, AccountRepository accounts,
            CompanyRepository companies, ResellerConnectionRepository connections, MailOutbox outbox, ResellerMails mails,
            LinkSigner signer) {
        this.signer = signer;
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
        this.connections = connections;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public Optional<ResellerLink> invitation(String acceptToken) {
        Instant now = clock.instant();
        return connections.findByAcceptTokenHash(SecretTokens.hash(acceptToken)).flatMap(c -> link(c, c.stateAt(now)));
    }

    @Override
    public Optional<ResellerLink> accept(String acceptToken) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<ResellerConnection> found = connections.findByAcceptTokenHash(SecretTokens.hash(acceptToken));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ResellerConnection invitation = found.get();
            if (invitation.stateAt(now) == ResellerConnectionState.INVITED
                    && connections.update(invitation.accepted(now), ResellerConnectionState.INVITED)) {
                mails.toCustomer(invitation, MailTemplate.RESELLER_ACCEPTED).ifPresent(outbox::enqueue);
                return link(invitation, ResellerConnectionState.CONNECTED);
            }
            return current(invitation, now);
        });
    }

    @Override
    public Optional<ResellerLink> subscription(String unsubscribeToken) {
        Instant now = clock.instant();
        return byUnsubscribeToken(unsubscribeToken).flatMap(c -> link(c, c.stateAt(now)));
    }

    @Override
    public Optional<ResellerLink> unsubscribe(String unsubscribeToken) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<ResellerConnection> found = byUnsubscribeToken(unsubscribeToken);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ResellerConnection connection = found.get();
            ResellerConnectionState from = connection.stateAt(now);
            if (!from.isOpen()) {
                return link(connection, from);
            }
            ResellerConnectionState end = from == ResellerConnectionState.INVITED
                    ? ResellerConnectionState.DECLINED
                    : ResellerConnectionState.UNSUBSCRIBED;
            if (!connections.update(connection.ended(end, now), from)) {
                return current(connection, now);
            }
            MailTemplate notice = end == ResellerConnectionState.DECLINED
                    ? MailTemplate.RESELLER_DECLINED
                    : MailTemplate.RESELLER_UNSUBSCRIBED;
            mails.toCustomer(connection, notice).ifPresent(outbox::enqueue);
            return link(connection, end);
        });
    }

    /**
     * The connection of an unsubscribe link: the random token of the invitation mail (kept as its hash), or the signed
     * one of a reminder mail, which names the connection (see {@link #UNSUBSCRIBE_PURPOSE}).
     */
    private Optional<ResellerConnection> byUnsubscribeToken(String token) {
        Optional<ResellerConnection> signed = signer.verify(UNSUBSCRIBE_PURPOSE, token)
                .flatMap(ResellerLinkService::uuid)
                .flatMap(connections::findById);
        return signed.isPresent() ? signed : connections.findByUnsubscribeTokenHash(SecretTokens.hash(token));
    }

    private static Optional<UUID> uuid(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The connection as another request left it a moment ago. */
    private Optional<ResellerLink> current(ResellerConnection connection, Instant now) {
        return connections.findByAcceptTokenHash(connection.acceptTokenHash()).flatMap(c -> link(c, c.stateAt(now)));
    }

    private Optional<ResellerLink> link(ResellerConnection connection, ResellerConnectionState state) {
        Optional<Account> customer = accounts.findById(connection.customer());
        return customer.map(account -> new ResellerLink(state, account.name().full(),
                companies.findById(account.companyId()).map(company -> company.details().name()).orElse("")));
    }
}
