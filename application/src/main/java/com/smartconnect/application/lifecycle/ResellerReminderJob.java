package com.smartconnect.application.lifecycle;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.lifecycle.port.in.RunResellerRemindersUseCase;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.DueEvent;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.Position;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.lifecycle.LifecycleEvent;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderSchedule;
import com.smartconnect.domain.lifecycle.ReminderStage;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The daily reseller reminders, page by page: for each kind of event, the events due from today to 90 days ahead
 * (those a stage can be due for) of customers with a connected reseller, found along an index; for each, the stage
 * {@link ReminderSchedule} says is due today, recorded and queued in one transaction. Days are UTC days.
 */
public final class ResellerReminderJob implements RunResellerRemindersUseCase, Job {

    /** The reminders are per UTC day, and a pass reads every event due within 90 days of the customers with a
     * connected reseller (seconds over a million devices, BENCHMARKS.md): every 15 minutes sends a day's stages soon
     * after midnight UTC without reading them all every minute. */
    public static final Duration CADENCE = Duration.ofMinutes(15);

    static final int BATCH = 500;

    private final Clock clock;
    private final Transactions transactions;
    private final LifecycleReminderRepository reminders;
    private final ResellerConnectionRepository connections;
    private final MailOutbox outbox;
    private final LifecycleMails mails;

    private static final System.Logger LOG = System.getLogger(ResellerReminderJob.class.getName());

    @Inject
    public ResellerReminderJob(Clock clock, Transactions transactions, LifecycleReminderRepository reminders,
            ResellerConnectionRepository connections, MailOutbox outbox, LifecycleMails mails) {
        this.clock = clock;
        this.transactions = transactions;
        this.reminders = reminders;
        this.connections = connections;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public int runDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int sent = 0;
        for (LifecycleKind kind : LifecycleKind.values()) {
            Optional<Position> after = Optional.empty();
            List<DueEvent> page;
            do {
                page = reminders.dueBetween(kind, ReminderSchedule.earliestDue(today), ReminderSchedule.latestDue(today),
                        BATCH, after);
                for (DueEvent event : page) {
                    try {
                        sent += remind(event, now, today) ? 1 : 0;
                    } catch (RuntimeException failed) {
                        // One event that cannot be reminded of (its transaction rolled back) does not stop the others;
                        // it is tried again at the next run.
                        LOG.log(Level.WARNING, "Could not remind of " + event.kind() + " of " + event.productId(),
                                failed);
                    }
                }
                after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).position());
            } while (page.size() == BATCH);
        }
        return sent;
    }

    private boolean remind(DueEvent due, Instant now, LocalDate today) {
        LocalDate connectedOn = LocalDate.ofInstant(due.connectedAt(), ZoneOffset.UTC);
        // The page says which stages were sent when it was read; the primary key, asked in the transaction below,
        // settles a stage sent since (by another instance).
        Optional<ReminderStage> stage = ReminderSchedule.dueNow(due.dueOn(), today, connectedOn, due.stagesSent());
        if (stage.isEmpty()) {
            return false;
        }
        return transactions.inTransaction(() -> {
            // Still connected? The reseller may have unsubscribed since the page was read.
            boolean connected = connections.latestOf(due.customer())
                    .filter(c -> c.id().equals(due.connectionId()) && c.stateAt(now) == ResellerConnectionState.CONNECTED)
                    .isPresent();
            if (!connected || !reminders.markSent(due.connectionId(), due.productId(), due.kind(), due.dueOn(),
                    stage.get(), now)) {
                return false;
            }
            var mail = mails.reminder(MailTemplate.RESELLER_LIFECYCLE_REMINDER, due.connectionId(), due.resellerEmail(),
                    due.customer(), due.productId(), due.model(), due.resolvingSku(),
                    new LifecycleEvent(due.kind(), due.dueOn()), today);
            mail.ifPresent(outbox::enqueue);
            return mail.isPresent();
        });
    }

    @Override
    public String name() {
        return "reseller-reminders";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public String counts() {
        return "lifecycle reminders queued to resellers";
    }
}
