package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.MAIL_OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smartconnect.adapters.persistence.jooq.tables.records.MailOutboxRecord;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.domain.account.EmailAddress;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The mail outbox, in table {@code mail_outbox}. A mail is due while it is neither sent nor abandoned and its
 * {@code next_attempt_at} has come; claiming it pushes {@code next_attempt_at} to the end of the lease, so the
 * lease needs no column of its own and an unsettled mail simply becomes due again. A settled (sent or abandoned)
 * mail keeps neither its values nor its recipient: {@code recipient} is null then, never while it is still to be sent.
 */
final class DatabaseMailOutbox implements MailOutbox, MailDeliveryQueue {

    /** What is left of the values of a mail that was sent or abandoned. */
    private static final String SETTLED_VALUES = "{}";


    private static final System.Logger LOG = System.getLogger(DatabaseMailOutbox.class.getName());
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };
    /** The size of {@code last_error}. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DatabaseTransactions transactions;
    private final ObjectMapper json = new ObjectMapper();

    DatabaseMailOutbox(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void enqueue(OutgoingMail mail) {
        MailOutboxRecord row = new MailOutboxRecord();
        row.setId(mail.id().value());
        row.setRecipient(mail.to().value());
        row.setTemplate(mail.template().name());
        row.setTemplateValues(toJson(mail.values()));
        row.setAttempts(0);
        // The port passes no time in. A new mail is due at once, whatever clock the dispatcher runs on (tests move
        // theirs to any date), hence a due time long past; created_at only keeps the order and tells when, so the
        // database's clock serves.
        row.setNextAttemptAt(Timestamps.column(Instant.EPOCH));
        transactions.dsl().insertInto(MAIL_OUTBOX)
                .set(row)
                .set(MAIL_OUTBOX.CREATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /**
     * Locks the due rows with {@code FOR UPDATE SKIP LOCKED}, so that claimers on other connections (other
     * instances) pass over them instead of waiting, and moves them out of the due range before the lock ends.
     */
    @Override
    public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            List<MailOutboxRecord> due = dsl.selectFrom(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.SENT_AT.isNull())
                    .and(MAIL_OUTBOX.ABANDONED_AT.isNull())
                    .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(Timestamps.column(now)))
                    .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.CREATED_AT)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch();
            if (due.isEmpty()) {
                return List.of();
            }
            dsl.update(MAIL_OUTBOX)
                    .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Timestamps.column(now.plus(lease)))
                    .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                    .where(MAIL_OUTBOX.ID.in(due.stream().map(MailOutboxRecord::getId).toList()))
                    .execute();
            List<PendingMail> claimed = new ArrayList<>(due.size());
            for (MailOutboxRecord row : due) {
                try {
                    claimed.add(new PendingMail(mail(row), row.getAttempts()));
                } catch (RuntimeException unreadable) {
                    // A row written for a template that was since renamed or given new values would otherwise be
                    // claimed and fail again after every lease, for ever.
                    LOG.log(Level.WARNING, "Abandoning mail " + row.getId() + ", it cannot be read any more", unreadable);
                    abandon(dsl, row.getId(), now, "unreadable: " + unreadable);
                }
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public void markSent(MailId id, Instant sentAt) {
        // A settled mail is never rendered again, and its values may hold a sign-up code: they are not kept. Nor is
        // the address it went to.
        transactions.dsl().update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.SENT_AT, Timestamps.column(sentAt))
                .set(MAIL_OUTBOX.TEMPLATE_VALUES, SETTLED_VALUES)
                .setNull(MAIL_OUTBOX.RECIPIENT)
                .where(MAIL_OUTBOX.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void markFailed(MailId id, Instant retryAt, String error) {
        transactions.dsl().update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Timestamps.column(retryAt))
                .set(MAIL_OUTBOX.LAST_ERROR, shortened(error))
                .where(MAIL_OUTBOX.ID.eq(id.value()))
                .execute();
    }

    /**
     * Settling a mail erases its recipient already (and V5 erased it from the mails settled before); what this still
     * finds are mails settled by an instance running older code during a rolling upgrade. Mails still to be sent are
     * kept: they are on their way.
     */
    @Override
    public void forgetSettledMailsTo(EmailAddress recipient) {
        transactions.dsl().deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT.eq(recipient.value()))
                .and(MAIL_OUTBOX.SENT_AT.isNotNull().or(MAIL_OUTBOX.ABANDONED_AT.isNotNull()))
                .execute();
    }

    @Override
    public void discard(MailId id) {
        transactions.dsl().deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.ID.eq(id.value()))
                .and(MAIL_OUTBOX.SENT_AT.isNull())
                .and(MAIL_OUTBOX.ABANDONED_AT.isNull())
                .execute();
    }

    @Override
    public void markAbandoned(MailId id, Instant at, String error) {
        abandon(transactions.dsl(), id.value(), at, error);
    }

    private static void abandon(DSLContext dsl, UUID id, Instant at, String error) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ABANDONED_AT, Timestamps.column(at))
                .set(MAIL_OUTBOX.TEMPLATE_VALUES, SETTLED_VALUES)
                .setNull(MAIL_OUTBOX.RECIPIENT)
                .set(MAIL_OUTBOX.LAST_ERROR, shortened(error))
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    private OutgoingMail mail(MailOutboxRecord row) {
        return new OutgoingMail(new MailId(row.getId()), new EmailAddress(row.getRecipient()),
                MailTemplate.valueOf(row.getTemplate()), fromJson(row.getTemplateValues()));
    }

    private String toJson(Map<String, String> values) {
        try {
            // Sorted, so that the same mail is always stored as the same text.
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return json.readValue(text, VALUES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortened(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
