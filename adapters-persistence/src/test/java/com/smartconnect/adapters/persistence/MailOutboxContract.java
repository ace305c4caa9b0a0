package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the two ports of the mail outbox promise, seen through the ports alone: the services' {@link MailOutbox} and
 * delivery's {@link MailDeliveryQueue}. The database outbox (H2, PostgreSQL) and the in-memory one of the application's
 * tests both run it, so that a service tested against the fake meets the same rules in production. Each test starts
 * from an empty outbox.
 */
interface MailOutboxContract {

    Instant NOW = Examples.NOW;
    Duration LEASE = Duration.ofMinutes(5);
    Instant FAR_LATER = NOW.plus(Duration.ofDays(365));
    /** Claimers of a test that must run at the same time, whatever the size of the common pool. */
    Executor CLAIMERS = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());

    MailOutbox outbox();

    MailDeliveryQueue queue();

    Transactions transactions();

    @Test
    default void aNewMailIsDueAtOnceAndComesBackAsItWasEnqueued() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);

        List<PendingMail> claimed = queue().claimDue(NOW, 10, LEASE);

        assertThat(claimed).containsExactly(new PendingMail(mail, 0));
    }

    @Test
    default void aClaimedMailIsNotClaimedAgainBeforeItsLeaseEnds() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        queue().claimDue(NOW, 10, LEASE);

        assertThat(queue().claimDue(NOW, 10, LEASE)).isEmpty();
        assertThat(queue().claimDue(NOW.plus(LEASE).minusNanos(1000), 10, LEASE)).isEmpty();
        assertThat(queue().claimDue(NOW.plus(LEASE), 10, LEASE)).containsExactly(new PendingMail(mail, 1));
    }

    @Test
    default void claimsNoMoreThanTheLimitOldestDueFirst() {
        List<OutgoingMail> mails = List.of(Examples.signUpCodeMail(), Examples.signUpCodeMail(), Examples.signUpCodeMail());
        mails.forEach(outbox()::enqueue);
        queue().claimDue(NOW, 3, LEASE);
        Instant retryFirst = NOW.plusSeconds(10);
        queue().markFailed(mails.get(2).id(), retryFirst, "busy");
        queue().markFailed(mails.get(0).id(), retryFirst.plusSeconds(1), "busy");
        queue().markFailed(mails.get(1).id(), retryFirst.plusSeconds(2), "busy");

        List<PendingMail> first = queue().claimDue(FAR_LATER, 2, LEASE);
        List<PendingMail> rest = queue().claimDue(FAR_LATER, 2, LEASE);

        assertThat(first).extracting(PendingMail::mail).containsExactly(mails.get(2), mails.get(0));
        assertThat(rest).extracting(PendingMail::mail).containsExactly(mails.get(1));
        assertThat(queue().claimDue(NOW, 0, LEASE)).isEmpty();
    }

    @Test
    default void aSentMailIsNeverClaimedAgain() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        queue().claimDue(NOW, 10, LEASE);

        queue().markSent(mail.id(), NOW.plusSeconds(1));

        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).isEmpty();
    }

    @Test
    default void aFailedMailIsDueAgainAtItsRetryTimeCountingItsAttempts() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        queue().claimDue(NOW, 10, LEASE);
        Instant retryAt = NOW.plusSeconds(30);

        queue().markFailed(mail.id(), retryAt, "421 try again later: " + "x".repeat(5000));

        assertThat(queue().claimDue(retryAt.minusNanos(1000), 10, LEASE)).isEmpty();
        assertThat(queue().claimDue(retryAt, 10, LEASE)).containsExactly(new PendingMail(mail, 1));
        queue().markFailed(mail.id(), retryAt.plusSeconds(30), "again");
        assertThat(queue().claimDue(retryAt.plusSeconds(30), 10, LEASE)).containsExactly(new PendingMail(mail, 2));
    }

    @Test
    default void anAbandonedMailIsNeverClaimedAgain() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        queue().claimDue(NOW, 10, LEASE);

        queue().markAbandoned(mail.id(), NOW.plusSeconds(1), "550 no such user");

        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).isEmpty();
    }

    @Test
    default void discardedMailsAreNeverClaimedAndTheOthersStay() {
        OutgoingMail request = Examples.signUpCodeMail();
        OutgoingMail claimedRequest = Examples.signUpCodeMail();
        OutgoingMail sent = Examples.signUpCodeMail();
        OutgoingMail failed = Examples.signUpCodeMail();
        List.of(claimedRequest, sent, failed).forEach(outbox()::enqueue);
        queue().claimDue(NOW, 10, LEASE);
        queue().markSent(sent.id(), NOW);
        queue().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");
        outbox().enqueue(request);

        queue().discard(request.id());
        queue().discard(claimedRequest.id());
        queue().discard(sent.id());
        queue().discard(new MailId(UUID.randomUUID()));

        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).containsExactly(new PendingMail(failed, 1));
    }

    @Test
    default void forgettingAnAddressKeepsEveryMailStillToBeSent() {
        EmailAddress address = Examples.uniqueEmail();
        OutgoingMail sent = Examples.signUpCodeMail(address);
        OutgoingMail abandoned = Examples.signUpCodeMail(address);
        OutgoingMail failed = Examples.signUpCodeMail(address);
        OutgoingMail waiting = Examples.signUpCodeMail(address);
        OutgoingMail waitingElsewhere = Examples.signUpCodeMail();
        List.of(sent, abandoned, failed).forEach(outbox()::enqueue);
        queue().claimDue(NOW, 10, LEASE);
        queue().markSent(sent.id(), NOW);
        queue().markAbandoned(abandoned.id(), NOW, "550 no such user");
        queue().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");
        outbox().enqueue(waiting);
        outbox().enqueue(waitingElsewhere);

        outbox().forgetSettledMailsTo(address);

        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).containsExactlyInAnyOrder(
                new PendingMail(failed, 1), new PendingMail(waiting, 0), new PendingMail(waitingElsewhere, 0));
    }

    /** Deliveries of several instances claim at once; none may get a mail another one holds. */
    @Test
    default void concurrentClaimersNeverGetTheSameMail() throws Exception {
        int count = 200;
        Set<MailId> enqueued = new HashSet<>();
        transactions().inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                OutgoingMail mail = Examples.signUpCodeMail();
                outbox().enqueue(mail);
                enqueued.add(mail.id());
            }
            return null;
        });
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<List<MailId>> first = CompletableFuture.supplyAsync(() -> claimAll(start), CLAIMERS);
        CompletableFuture<List<MailId>> second = CompletableFuture.supplyAsync(() -> claimAll(start), CLAIMERS);
        List<MailId> firstClaims = first.get(60, TimeUnit.SECONDS);
        List<MailId> secondClaims = second.get(60, TimeUnit.SECONDS);

        // One claimer may well get every mail; what matters is that no mail is in both hands.
        Set<MailId> inBoth = new HashSet<>(firstClaims);
        inBoth.retainAll(secondClaims);
        assertThat(inBoth).isEmpty();
        assertThat(firstClaims).doesNotHaveDuplicates();
        assertThat(secondClaims).doesNotHaveDuplicates();
        List<MailId> all = new ArrayList<>(firstClaims);
        all.addAll(secondClaims);
        assertThat(all).containsExactlyInAnyOrderElementsOf(enqueued);
    }

    private List<MailId> claimAll(CyclicBarrier start) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<MailId> claimed = new ArrayList<>();
        List<PendingMail> batch;
        do {
            batch = queue().claimDue(NOW, 7, LEASE);
            batch.forEach(pending -> claimed.add(pending.mail().id()));
        } while (!batch.isEmpty());
        return claimed;
    }
}
