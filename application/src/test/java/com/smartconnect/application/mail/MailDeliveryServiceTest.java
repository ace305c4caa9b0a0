package com.smartconnect.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryMailOutbox.Settled;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailSender;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.application.mail.port.out.SendOutcome;
import com.smartconnect.application.mail.port.out.SendOutcome.FailureKind;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The retry rule of mail delivery, tested by moving the clock: backoff, giving up, leases and the send window. */
class MailDeliveryServiceTest {

    private final MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07Z");
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final List<MailId> sendTries = new ArrayList<>();

    private static final SendOutcome OUTAGE = new SendOutcome.Failed(FailureKind.TEMPORARY,
            "MailConnectException: connection refused", "MailConnectException: connection refused",
            Optional.of("check SMARTCONNECT_SMTP_HOST"));

    private MailDeliveryService delivery(MailSender sender) {
        return delivery(outbox, sender);
    }

    private MailDeliveryService delivery(MailDeliveryQueue queue, MailSender sender) {
        return new MailDeliveryService(queue, outbox, mail -> {
            sendTries.add(mail.id());
            return sender.send(mail);
        }, new DirectTransactions(), Set.of(), clock);
    }

    private OutgoingMail enqueued(String to) {
        OutgoingMail mail = new OutgoingMail(new MailId(UUID.randomUUID()), new EmailAddress(to),
                MailTemplate.SIGN_UP_EXISTING_ACCOUNT, Map.of());
        outbox.enqueue(mail);
        return mail;
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertThat(MailDeliveryService.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailDeliveryService.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDeliveryService.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDeliveryService.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(MailDeliveryService.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailDeliveryService.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackoffUntilTheTwelfthAttemptGivesUp() {
        OutgoingMail mail = enqueued("ada@example.org");
        MailDeliveryService delivery = delivery(m -> OUTAGE);

        for (int attempt = 0; attempt < 11; attempt++) {
            assertThat(delivery.deliverDue(() -> false)).isZero();
            assertThat(sendTries).hasSize(attempt + 1);
            clock.advance(MailDeliveryService.backoff(attempt).minusSeconds(1));
            delivery.deliverDue(() -> false);
            assertThat(sendTries).as("not due before its retry time").hasSize(attempt + 1);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(outbox.settlement(mail.id())).isEmpty();

        delivery.deliverDue(() -> false);

        assertThat(sendTries).hasSize(12);
        assertThat(outbox.settlement(mail.id())).contains(Settled.ABANDONED);
        assertThat(outbox.lastError(mail.id())).startsWith("gave up after 12 attempts, MailConnectException");
        clock.advance(Duration.ofDays(7));
        delivery.deliverDue(() -> false);
        assertThat(sendTries).hasSize(12);
    }

    @Test
    void aDeliveryThatWorksAgainSendsTheMailOnceAtItsRetryTime() {
        OutgoingMail mail = enqueued("ada@example.org");
        AtomicInteger outages = new AtomicInteger(2);
        MailDeliveryService delivery = delivery(m -> outages.getAndDecrement() > 0 ? OUTAGE : new SendOutcome.Sent());

        delivery.deliverDue(() -> false);
        clock.advance(Duration.ofSeconds(30));
        delivery.deliverDue(() -> false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(delivery.deliverDue(() -> false)).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue(() -> false)).isZero();

        assertThat(sendTries).containsExactly(mail.id(), mail.id(), mail.id());
        assertThat(outbox.settlement(mail.id())).contains(Settled.SENT);
    }

    @Test
    void aPermanentFailureAbandonsTheMailAtOnce() {
        OutgoingMail mail = enqueued("nobody@example.org");
        MailDeliveryService delivery = delivery(m -> new SendOutcome.Failed(FailureKind.PERMANENT,
                "SMTPAddressFailedException (SMTP 550): no such user", "SMTPAddressFailedException", Optional.empty()));

        delivery.deliverDue(() -> false);
        clock.advance(Duration.ofDays(1));
        delivery.deliverDue(() -> false);

        assertThat(sendTries).hasSize(1);
        assertThat(outbox.settlement(mail.id())).contains(Settled.ABANDONED);
        assertThat(outbox.lastError(mail.id())).isEqualTo("permanent failure, SMTPAddressFailedException (SMTP 550): no such user");
    }

    @Test
    void aMailThatCannotBeRenderedIsAbandonedWithoutRetry() {
        OutgoingMail mail = enqueued("ada@example.org");
        MailDeliveryService delivery = delivery(m -> new SendOutcome.Failed(FailureKind.UNRENDERABLE,
                "MustacheException while rendering: no value", "MustacheException while rendering", Optional.empty()));

        delivery.deliverDue(() -> false);
        clock.advance(Duration.ofDays(1));
        delivery.deliverDue(() -> false);

        assertThat(sendTries).hasSize(1);
        assertThat(outbox.lastError(mail.id())).isEqualTo("MustacheException while rendering: no value");
    }

    @Test
    void aSenderThatThrowsLeavesTheMailForALaterTryAndTheOthersGo() {
        OutgoingMail first = enqueued("first@example.org");
        OutgoingMail broken = enqueued("broken@example.org");
        OutgoingMail last = enqueued("last@example.org");
        MailDeliveryService delivery = delivery(m -> {
            if (m.id().equals(broken.id())) {
                throw new IllegalStateException("a bug in the sender");
            }
            return new SendOutcome.Sent();
        });

        assertThat(delivery.deliverDue(() -> false)).isEqualTo(2);

        assertThat(outbox.settlement(first.id())).contains(Settled.SENT);
        assertThat(outbox.settlement(last.id())).contains(Settled.SENT);
        assertThat(outbox.settlement(broken.id())).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(outbox.claimDue(clock.instant(), 10, Duration.ofMinutes(1)))
                .containsExactly(new PendingMail(broken, 1));
    }

    @Test
    void aMailSentButNotMarkedSentGoesAgainOnlyOnceItsLeaseEnds() {
        OutgoingMail mail = enqueued("ada@example.org");
        AtomicInteger markSentFailures = new AtomicInteger(1);
        MailDeliveryQueue forgetful = new MailDeliveryQueue() {
            @Override
            public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
                return outbox.claimDue(now, limit, lease);
            }

            @Override
            public void markSent(MailId id, Instant sentAt) {
                if (markSentFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the database went away");
                }
                outbox.markSent(id, sentAt);
            }

            @Override
            public void markFailed(MailId id, Instant retryAt, String error) {
                outbox.markFailed(id, retryAt, error);
            }

            @Override
            public void markAbandoned(MailId id, Instant at, String error) {
                outbox.markAbandoned(id, at, error);
            }

            @Override
            public void discard(MailId id) {
                outbox.discard(id);
            }
        };
        MailDeliveryService delivery = delivery(forgetful, m -> new SendOutcome.Sent());

        assertThat(delivery.deliverDue(() -> false)).isZero();
        clock.advance(MailDeliveryService.LEASE.minusSeconds(1));
        assertThat(delivery.deliverDue(() -> false)).as("still leased").isZero();
        assertThat(sendTries).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery.deliverDue(() -> false)).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue(() -> false)).isZero();

        assertThat(sendTries).containsExactly(mail.id(), mail.id());
        assertThat(outbox.settlement(mail.id())).contains(Settled.SENT);
    }

    @Test
    void aPassClaimsAtMostTwentyAndStartsNoSendPastItsWindow() {
        List<OutgoingMail> mails = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mails.add(enqueued("user" + i + "@example.org"));
        }
        // Each send takes 25 seconds of the clock: the third starts 50 s into the pass, the fourth would start past 60.
        MailDeliveryService delivery = delivery(m -> {
            clock.advance(Duration.ofSeconds(25));
            return new SendOutcome.Sent();
        });

        assertThat(delivery.deliverDue(() -> false)).isEqualTo(3);

        assertThat(sendTries).containsExactlyElementsOf(mails.subList(0, 3).stream().map(OutgoingMail::id).toList());
        Instant passStart = Instant.parse("2025-03-04T05:06:07Z");
        assertThat(outbox.claimDue(passStart.plus(MailDeliveryService.LEASE).minusSeconds(1), 25, Duration.ZERO))
                .as("the 17 claimed and not reached wait for their lease").extracting(p -> p.mail().id())
                .containsExactlyElementsOf(mails.subList(20, 25).stream().map(OutgoingMail::id).toList());
        assertThat(outbox.claimDue(passStart.plus(MailDeliveryService.LEASE), 25, Duration.ZERO))
                .as("then due again, with the five never claimed").extracting(p -> p.mail().id())
                .containsExactlyInAnyOrderElementsOf(mails.subList(3, 25).stream().map(OutgoingMail::id).toList());
    }

    @Test
    void aPassAskedToStopStartsNoFurtherSend() {
        enqueued("first@example.org");
        enqueued("second@example.org");
        AtomicInteger sends = new AtomicInteger();
        MailDeliveryService delivery = delivery(m -> {
            sends.incrementAndGet();
            return new SendOutcome.Sent();
        });

        assertThat(delivery.deliverDue(() -> sends.get() >= 1)).isEqualTo(1);
        assertThat(sendTries).hasSize(1);
    }

    @Test
    void aRequestIsPreparedInsteadOfSentAndTheMailItBecomesGoesInTheNextPass() {
        OutgoingMail becomes = new OutgoingMail(new MailId(UUID.randomUUID()), new EmailAddress("ada@example.org"),
                MailTemplate.PASSWORD_CHANGED, Map.of("firstName", "Ada"));
        OutgoingMail known = request("ada@example.org");
        OutgoingMail unknown = request("nobody@example.org");
        List<OutgoingMail> prepared = new ArrayList<>();
        MailPreparer preparer = new MailPreparer() {
            @Override
            public Set<MailTemplate> prepares() {
                return Set.of(MailTemplate.PASSWORD_RESET_REQUESTED);
            }

            @Override
            public Optional<OutgoingMail> prepare(OutgoingMail request) {
                prepared.add(request);
                return request.to().equals(becomes.to()) ? Optional.of(becomes) : Optional.empty();
            }
        };
        MailDeliveryService delivery = new MailDeliveryService(outbox, outbox, mail -> {
            sendTries.add(mail.id());
            return new SendOutcome.Sent();
        }, new DirectTransactions(), Set.of(preparer), clock);

        assertThat(delivery.deliverDue(() -> false)).isZero();
        assertThat(prepared).containsExactly(known, unknown);
        assertThat(sendTries).isEmpty();
        assertThat(outbox.all()).containsExactly(becomes);

        assertThat(delivery.deliverDue(() -> false)).isEqualTo(1);
        assertThat(sendTries).containsExactly(becomes.id());
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue(() -> false)).isZero();
        assertThat(prepared).hasSize(2);
    }

    @Test
    void aRequestWithoutItsPreparerIsAbandonedUnsent() {
        OutgoingMail request = request("ada@example.org");

        delivery(m -> new SendOutcome.Sent()).deliverDue(() -> false);

        assertThat(sendTries).isEmpty();
        assertThat(outbox.settlement(request.id())).contains(Settled.ABANDONED);
    }

    @Test
    void theLogSaysWhatBecameOfEachMailAndNamesItsRecipientByDomainOnly() {
        OutgoingMail sent = enqueued("ada@sent.example");
        OutgoingMail retried = enqueued("bob@retried.example");
        OutgoingMail refused = enqueued("carol@refused.example");
        MailDeliveryService delivery = delivery(m -> {
            if (m.id().equals(retried.id())) {
                return OUTAGE;
            }
            if (m.id().equals(refused.id())) {
                return new SendOutcome.Failed(FailureKind.PERMANENT, "550 5.1.1 <carol@refused.example>: no such user",
                        "SMTPAddressFailedException (SMTP 550)", Optional.of("check the address"));
            }
            return new SendOutcome.Sent();
        });

        List<String> log = logOf(() -> delivery.deliverDue(() -> false));

        assertThat(log).containsExactly(
                "INFO Mail " + sent.id() + " (SIGN_UP_EXISTING_ACCOUNT) sent to a recipient at sent.example",
                "WARNING Mail " + retried.id() + " (SIGN_UP_EXISTING_ACCOUNT) to a recipient at retried.example failed"
                        + " (attempt 1, MailConnectException: connection refused); retry at 2025-03-04T05:06:37Z"
                        + " - check SMARTCONNECT_SMTP_HOST",
                "SEVERE Mail " + refused.id() + " (SIGN_UP_EXISTING_ACCOUNT) to a recipient at refused.example"
                        + " abandoned: permanent failure, SMTPAddressFailedException (SMTP 550) - check the address");
        assertThat(String.join("\n", log)).as("no address, no server reply quoting it").doesNotContain("@");
    }

    @Test
    void theLogSaysWhenTheOutboxCouldNotSettleAMail() {
        OutgoingMail sentOnly = enqueued("ada@sent.example");
        OutgoingMail unsettled = enqueued("bob@retried.example");
        MailDeliveryQueue failing = new MailDeliveryQueue() {
            @Override
            public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
                return outbox.claimDue(now, limit, lease);
            }

            @Override
            public void markSent(MailId id, Instant sentAt) {
                throw new IllegalStateException("the database went away");
            }

            @Override
            public void markFailed(MailId id, Instant retryAt, String error) {
                throw new IllegalStateException("the database went away");
            }

            @Override
            public void markAbandoned(MailId id, Instant at, String error) {
                outbox.markAbandoned(id, at, error);
            }

            @Override
            public void discard(MailId id) {
                outbox.discard(id);
            }
        };
        MailDeliveryService delivery = delivery(failing, m -> m.id().equals(unsettled.id()) ? OUTAGE
                : new SendOutcome.Sent());

        List<String> log = logOf(() -> delivery.deliverDue(() -> false));

        assertThat(log).containsExactly(
                "WARNING Mail " + sentOnly.id() + " (SIGN_UP_EXISTING_ACCOUNT) to a recipient at sent.example was sent"
                        + " but not marked sent; it will be resent",
                "SEVERE Mail " + unsettled.id() + " (SIGN_UP_EXISTING_ACCOUNT) to a recipient at retried.example could"
                        + " not be settled: IllegalStateException");
    }

    /** What the service logs (level and message) while {@code pass} runs. */
    private static List<String> logOf(Runnable pass) {
        // System.Logger goes to java.util.logging when no other provider is present, as in these tests.
        Logger logger = Logger.getLogger(MailDeliveryService.class.getName());
        List<String> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            private final Formatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                records.add(record.getLevel() + " " + formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            pass.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    private OutgoingMail request(String to) {
        OutgoingMail mail = new OutgoingMail(new MailId(UUID.randomUUID()), new EmailAddress(to),
                MailTemplate.PASSWORD_RESET_REQUESTED, Map.of());
        outbox.enqueue(mail);
        return mail;
    }
}
