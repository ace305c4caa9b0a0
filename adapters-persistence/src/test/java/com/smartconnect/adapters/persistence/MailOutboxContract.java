package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.domain.account.EmailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    @Test
    void aSettledMailKeepsNoRecipientWhileAMailToSendKeepsIt() throws SQLException {
        EmailAddress address = Examples.uniqueEmail();
        OutgoingMail sent = Examples.signUpCodeMail(address);
        OutgoingMail abandoned = Examples.signUpCodeMail(address);
        OutgoingMail failed = Examples.signUpCodeMail(address);
        OutgoingMail waiting = Examples.signUpCodeMail(address);
        List.of(sent, abandoned, failed, waiting).forEach(outbox()::enqueue);
        assertThat(storedRecipient(sent)).isEqualTo(address.value());
        outbox().claimDue(NOW, 10, LEASE);

        outbox().markSent(sent.id(), NOW);
        outbox().markAbandoned(abandoned.id(), NOW, "550 no such user");
        outbox().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");

        assertThat(storedRecipient(sent)).isNull();
        assertThat(storedRecipient(abandoned)).isNull();
        assertThat(storedRecipient(failed)).isEqualTo(address.value());
        assertThat(storedRecipient(waiting)).isEqualTo(address.value());
        assertThat(outbox().claimDue(FAR_LATER, 10, LEASE)).extracting(PendingMail::mail)
                .containsExactlyInAnyOrder(failed, waiting);
    }

    /** The schema itself keeps the recipient of a mail that is still to be sent. */
    @Test
    void aMailToSendCannotLoseItsRecipient() throws SQLException {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);

        assertThatThrownBy(() -> execute("UPDATE mail_outbox SET recipient = NULL WHERE id = ?", mail))
                .isInstanceOf(SQLException.class);

        assertThat(storedRecipient(mail)).isEqualTo(mail.to().value());
    }

    /**
     * Mails settled before settling erased the recipient still name it: those are forgotten, while the mails that
     * are still to be sent, and the mails to other addresses, stay.
     */
    @Test
    void forgetsTheSettledMailsToAnAddressButNotThoseStillToBeSent() throws SQLException {
        EmailAddress address = Examples.uniqueEmail();
        OutgoingMail sent = Examples.signUpCodeMail(address);
        OutgoingMail abandoned = Examples.signUpCodeMail(address);
        OutgoingMail sentThroughTheOutbox = Examples.signUpCodeMail(address);
        OutgoingMail failed = Examples.signUpCodeMail(address);
        OutgoingMail waiting = Examples.signUpCodeMail(address);
        OutgoingMail sentElsewhere = Examples.signUpCodeMail();
        OutgoingMail abandonedElsewhere = Examples.signUpCodeMail();
        OutgoingMail waitingElsewhere = Examples.signUpCodeMail();
        List.of(sent, abandoned, sentThroughTheOutbox, failed, waiting, sentElsewhere, abandonedElsewhere,
                waitingElsewhere).forEach(outbox()::enqueue);
        outbox().claimDue(NOW, 10, LEASE);
        outbox().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");
        outbox().markSent(sentThroughTheOutbox.id(), NOW);
        for (OutgoingMail mail : List.of(sent, sentElsewhere)) {
            execute("UPDATE mail_outbox SET sent_at = CURRENT_TIMESTAMP, template_values = '{}' WHERE id = ?", mail);
        }
        for (OutgoingMail mail : List.of(abandoned, abandonedElsewhere)) {
            execute("UPDATE mail_outbox SET abandoned_at = CURRENT_TIMESTAMP, template_values = '{}' WHERE id = ?",
                    mail);
        }

        outbox().forgetSettledMailsTo(address);

        assertThat(storedIds()).containsExactlyInAnyOrder(sentThroughTheOutbox.id(), failed.id(), waiting.id(),
                sentElsewhere.id(), abandonedElsewhere.id(), waitingElsewhere.id());
        assertThat(outbox().claimDue(FAR_LATER, 10, LEASE)).extracting(PendingMail::mail)
                .containsExactlyInAnyOrder(failed, waiting, waitingElsewhere);
    }

    @Test
    void forgettingAnAddressWithoutMailsChangesNothing() throws SQLException {
        OutgoingMail mail = Examples.signUpCodeMail();
        outbox().enqueue(mail);

        outbox().forgetSettledMailsTo(Examples.uniqueEmail());

        assertThat(storedIds()).containsExactly(mail.id());
    }

    private String storedRecipient(OutgoingMail mail) throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT recipient FROM mail_outbox WHERE id = ?")) {
            statement.setObject(1, mail.id().value());
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }

    private List<MailId> storedIds() throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM mail_outbox")) {
            List<MailId> ids = new ArrayList<>();
            while (result.next()) {
                ids.add(new MailId(result.getObject(1, UUID.class)));
            }
            return ids;
        }
    }

    /** Runs an update of one mail past the port, as an older version of the portal may have left it. */
    private void execute(String sql, OutgoingMail mail) throws SQLException {
        try (Connection connection = testDatabase.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, mail.id().value());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
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
