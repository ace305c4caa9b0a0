package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MailOutboxContract} on a database, and what only the database shows: what a settled mail leaves in its row,
 * what the schema refuses, rows that an older version of the portal left, and when a mail becomes visible.
 */
abstract class DatabaseMailOutboxContract extends DatabaseContract implements MailOutboxContract {

    @Override
    public MailOutbox outbox() {
        return database.mailOutbox();
    }

    @Override
    public MailDeliveryQueue queue() {
        return database.mailDeliveryQueue();
    }

    @Override
    public Transactions transactions() {
        return database.transactions();
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
    void aSettledMailKeepsNoneOfItsValuesSoNoCodeStaysReadable() throws SQLException {
        OutgoingMail sent = Examples.signUpCodeMail();
        OutgoingMail abandoned = Examples.signUpCodeMail();
        outbox().enqueue(sent);
        outbox().enqueue(abandoned);
        assertThat(storedValues(sent)).contains(sent.values().get("code"));

        queue().markSent(sent.id(), NOW);
        queue().markAbandoned(abandoned.id(), NOW, "550 no such user");

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
        queue().claimDue(NOW, 10, LEASE);

        queue().markSent(sent.id(), NOW);
        queue().markAbandoned(abandoned.id(), NOW, "550 no such user");
        queue().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");

        assertThat(storedRecipient(sent)).isNull();
        assertThat(storedRecipient(abandoned)).isNull();
        assertThat(storedRecipient(failed)).isEqualTo(address.value());
        assertThat(storedRecipient(waiting)).isEqualTo(address.value());
        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).extracting(PendingMail::mail)
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
        queue().claimDue(NOW, 10, LEASE);
        queue().markFailed(failed.id(), NOW.plusSeconds(30), "421 try again later");
        queue().markSent(sentThroughTheOutbox.id(), NOW);
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
        assertThat(queue().claimDue(FAR_LATER, 10, LEASE)).extracting(PendingMail::mail)
                .containsExactlyInAnyOrder(failed, waiting, waitingElsewhere);
    }

    /** A request that delivery prepared leaves no row, while a settled mail keeps its row whatever asks to discard it. */
    @Test
    void discardingDeletesTheRowOfAMailToSendOnly() throws SQLException {
        OutgoingMail request = Examples.signUpCodeMail();
        OutgoingMail sent = Examples.signUpCodeMail();
        OutgoingMail abandoned = Examples.signUpCodeMail();
        List.of(request, sent, abandoned).forEach(outbox()::enqueue);
        queue().markSent(sent.id(), NOW);
        queue().markAbandoned(abandoned.id(), NOW, "550 no such user");

        List.of(request, sent, abandoned).forEach(mail -> queue().discard(mail.id()));

        assertThat(storedIds()).containsExactlyInAnyOrder(sent.id(), abandoned.id());
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

        assertThat(queue().claimDue(NOW, 10, LEASE)).isEmpty();
        commit.countDown();
        work.get(10, TimeUnit.SECONDS);
        assertThat(queue().claimDue(NOW, 10, LEASE)).containsExactly(new PendingMail(mail, 0));
    }
}
