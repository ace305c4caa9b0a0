package com.smartconnect.application.reseller;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.reseller.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Marks invitations unanswered for 7 days as expired and mails each customer once. Claims are taken in batches in
 * the database, so several instances share the work and none does an invitation twice.
 */
public final class ResellerInvitationExpiryJob implements ExpireResellerInvitationsUseCase, Job {

    /** An invitation lives 7 days; a minute late is no matter. */
    public static final Duration CADENCE = Duration.ofMinutes(1);

    private static final int BATCH = 100;

    private final Clock clock;
    private final Transactions transactions;
    private final ResellerConnectionRepository connections;
    private final MailOutbox outbox;
    private final ResellerMails mails;

    @Inject
    public ResellerInvitationExpiryJob(Clock clock, Transactions transactions, ResellerConnectionRepository connections,
            MailOutbox outbox, ResellerMails mails) {
        this.clock = clock;
        this.transactions = transactions;
        this.connections = connections;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public int expireDue() {
        int total = 0;
        int batch;
        do {
            Instant now = clock.instant();
            batch = transactions.inTransaction(() -> {
                List<ResellerConnection> due = connections.claimExpired(now, BATCH);
                due.forEach(invitation -> expire(invitation, now, connections, outbox, mails));
                return due.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    /**
     * Marks one invitation past its 7 days as expired and tells its customer, unless another request did so first.
     * Runs inside the caller's transaction (the job's, or an invitation that replaces the expired one).
     */
    static void expire(ResellerConnection invitation, Instant now, ResellerConnectionRepository connections,
            MailOutbox outbox, ResellerMails mails) {
        if (connections.update(invitation.ended(ResellerConnectionState.EXPIRED, now), ResellerConnectionState.INVITED)) {
            mails.toCustomer(invitation, MailTemplate.RESELLER_INVITATION_EXPIRED).ifPresent(outbox::enqueue);
        }
    }

    @Override
    public String name() {
        return "reseller-invitation-expiry";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public String counts() {
        return "reseller invitations expired";
    }

    @Override
    public int runDue() {
        return expireDue();
    }
}
