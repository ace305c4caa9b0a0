package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.mail.MailId;
import com.smartconnect.application.mail.OutgoingMail;
import com.smartconnect.application.mail.PendingMail;
import com.smartconnect.application.port.out.MailOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class MailOutboxContract extends DatabaseContract {

    private static final Instant NOW = Examples.NOW;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Instant FAR_LATER = NOW.plus(Duration.ofDays(365));

    private MailOutbox outbox() {
        return database.mailOutbox();
    }

    /** Every test starts from an empty outbox: otherwise the mails of one test would be due in the next. */
    @BeforeEach
    void emptyTheOutbox() throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM mail_outbox");
        }
    }

    @Test
    void aNewMailIsDueAtOnceAndComesBackAsItWasEnqueued() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);

        List<PendingMail> claimed = outbox().claimDue(NOW, 10, LEASE);

        assertThat(claimed).containsExactly(new PendingMail(mail, 0));
    }

    @Test
    void aClaimedMailIsNotClaimedAgainBeforeItsLeaseEnds() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        outbox().claimDue(NOW, 10, LEASE);

        assertThat(outbox().claimDue(NOW, 10, LEASE)).isEmpty();
        assertThat(outbox().claimDue(NOW.plus(LEASE).minusNanos(1000), 10, LEASE)).isEmpty();
        assertThat(outbox().claimDue(NOW.plus(LEASE), 10, LEASE)).containsExactly(new PendingMail(mail, 1));
    }

    @Test
    void claimsNoMoreThanTheLimitOldestDueFirst() {
        List<OutgoingMail> mails = List.of(Examples.signUpCodeMail(), Examples.signUpCodeMail(), Examples.signUpCodeMail());
        mails.forEach(outbox()::enqueue);
        outbox().claimDue(NOW, 3, LEASE);
        Instant retryFirst = NOW.plusSeconds(10);
        outbox().markFailed(mails.get(2).id(), retryFirst, "busy");
        outbox().markFailed(mails.get(0).id(), retryFirst.plusSeconds(1), "busy");
        outbox().markFailed(mails.get(1).id(), retryFirst.plusSeconds(2), "busy");

        List<PendingMail> first = outbox().claimDue(FAR_LATER, 2, LEASE);
        List<PendingMail> rest = outbox().claimDue(FAR_LATER, 2, LEASE);

        assertThat(first).extracting(PendingMail::mail).containsExactly(mails.get(2), mails.get(0));
        assertThat(rest).extracting(PendingMail::mail).containsExactly(mails.get(1));
        assertThat(outbox().claimDue(NOW, 0, LEASE)).isEmpty();
    }

    @Test
    void aSentMailIsNeverClaimedAgain() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        outbox().claimDue(NOW, 10, LEASE);

        outbox().markSent(mail.id(), NOW.plusSeconds(1));

        assertThat(outbox().claimDue(FAR_LATER, 10, LEASE)).isEmpty();
    }

    @Test
    void aSettledMailKeepsNoneOfItsValuesSoNoCodeStaysReadable() throws SQLException {
        OutgoingMail sent = Examples.signUpCodeMail();
        OutgoingMail abandoned = Examples.signUpCodeMail();
        outbox().enqueue(sent);
        outbox().enqueue(abandoned);
        assertThat(storedValues(sent)).contains(sent.values().get("code"));

        outbox().markSent(sent.id(), NOW);
        outbox().markAbandoned(abandoned.id(), NOW, "550 no such user");

        assertThat(storedValues(sent)).isEqualTo("{}");
        assertThat(storedValues(abandoned)).isEqualTo("{}");
    }

    private String storedValues(OutgoingMail mail) throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT template_values FROM mail_outbox WHERE id = ?")) {
            statement.setObject(1, mail.id().value());
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }

    @Test
    void aFailedMailIsDueAgainAtItsRetryTimeCountingItsAttempts() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        outbox().claimDue(NOW, 10, LEASE);
        Instant retryAt = NOW.plusSeconds(30);

        outbox().markFailed(mail.id(), retryAt, "421 try again later: " + "x".repeat(5000));

        assertThat(outbox().claimDue(retryAt.minusNanos(1000), 10, LEASE)).isEmpty();
        assertThat(outbox().claimDue(retryAt, 10, LEASE)).containsExactly(new PendingMail(mail, 1));
        outbox().markFailed(mail.id(), retryAt.plusSeconds(30), "again");
        assertThat(outbox().claimDue(retryAt.plusSeconds(30), 10, LEASE)).containsExactly(new PendingMail(mail, 2));
    }

    @Test
    void anAbandonedMailIsNeverClaimedAgain() {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);
        outbox().claimDue(NOW, 10, LEASE);

        outbox().markAbandoned(mail.id(), NOW.plusSeconds(1), "550 no such user");

        assertThat(outbox().claimDue(FAR_LATER, 10, LEASE)).isEmpty();
    }

    @Test
    void aMailEnqueuedInATransactionIsDueOnlyOnceItCommits() throws Exception {
        OutgoingMail mail = Examples.signUpCodeMail();
        CountDownLatch enqueued = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> database.transactions().inTransaction(() -> {
            outbox().enqueue(mail);
            enqueued.countDown();
            await(commit);
            return null;
        }), SEPARATE_THREADS);
        assertThat(enqueued.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(outbox().claimDue(NOW, 10, LEASE)).isEmpty();
        commit.countDown();
        work.get(10, TimeUnit.SECONDS);
        assertThat(outbox().claimDue(NOW, 10, LEASE)).containsExactly(new PendingMail(mail, 0));
    }

    /** Dispatchers of several instances claim at once; none may get a mail another one holds. */
    @Test
    void concurrentClaimersNeverGetTheSameMail() throws Exception {
        int count = 200;
        Set<MailId> enqueued = new HashSet<>();
        database.transactions().inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                OutgoingMail mail = Examples.signUpCodeMail();
                outbox().enqueue(mail);
                enqueued.add(mail.id());
            }
            return null;
        });
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<List<MailId>> first = CompletableFuture.supplyAsync(() -> claimAll(start), SEPARATE_THREADS);
        CompletableFuture<List<MailId>> second = CompletableFuture.supplyAsync(() -> claimAll(start), SEPARATE_THREADS);
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
            batch = outbox().claimDue(NOW, 7, LEASE);
            batch.forEach(pending -> claimed.add(pending.mail().id()));
        } while (!batch.isEmpty());
        return claimed;
    }

}
