package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's lifecycle, and a transport that fails on cue for one mail, through the application's delivery rule
 * (whose retry and give-up numbers {@code MailDeliveryServiceTest} checks by moving a clock).
 */
class MailDispatcherTest {

    private final MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07Z");
    private final RecordingMailOutbox outbox = new RecordingMailOutbox();
    private final MailRenderer renderer = new MailRenderer(Mails.SETTINGS);
    private final List<MimeMessage> delivered = new CopyOnWriteArrayList<>();

    @Test
    void oneFailingMailDoesNotStopTheOthers() {
        OutgoingMail first = Mails.existingAccount("first@example.org");
        OutgoingMail broken = Mails.existingAccount("broken@example.org");
        OutgoingMail last = Mails.existingAccount("last@example.org");
        outbox.enqueue(first);
        outbox.enqueue(broken);
        outbox.enqueue(last);
        MailTransport picky = message -> {
            if (message.getAllRecipients()[0].equals(new InternetAddress("broken@example.org"))) {
                throw new IllegalStateException("a bug in the transport");
            }
            delivered.add(message);
        };

        int sent = Mails.dispatcher(outbox, picky, renderer, clock).dispatchDue();

        assertThat(sent).isEqualTo(2);
        assertThat(outbox.sent).containsExactly(first.id(), last.id());
        assertThat(outbox.failed).extracting(RecordingMailOutbox.Failed::id).containsExactly(broken.id());
    }

    @Test
    void pollingSurvivesAFailingPass() throws Exception {
        outbox.claimFailures.set(2);
        outbox.enqueue(Mails.existingAccount("ada@example.org"));

        try (MailDispatcher dispatcher = Mails.dispatcher(outbox, delivered::add, renderer, clock)) {
            dispatcher.start(Duration.ofMillis(10));
            awaitTrue(() -> !outbox.sent.isEmpty());
        }

        assertThat(delivered).hasSize(1);
        assertThat(outbox.claimFailures).hasValue(0);
    }

    @Test
    void closeWaitsForTheSendInFlightAndStopsPolling() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MailTransport slow = message -> {
            sending.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(message);
        };
        outbox.enqueue(Mails.existingAccount("ada@example.org"));
        MailDispatcher dispatcher = Mails.dispatcher(outbox, slow, renderer, clock);
        dispatcher.start(Duration.ofMillis(10));
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(dispatcher::close);
        Thread.sleep(200);
        assertThat(closing).isNotDone();

        release.countDown();
        closing.get(5, TimeUnit.SECONDS);
        assertThat(outbox.sent).hasSize(1);

        outbox.enqueue(Mails.existingAccount("late@example.org"));
        Thread.sleep(100);
        assertThat(delivered).hasSize(1);
        assertThatThrownBy(() -> dispatcher.start(Duration.ofMillis(10))).isInstanceOf(IllegalStateException.class);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
