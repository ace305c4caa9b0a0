package com.smartconnect.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The delivery over random timelines of one device's events, through the ingest service: the same mails whether the
 * events come one by one, in batches (events received at the same instant), or through two server instances sharing
 * one database; and never more than 6 Event Notifications within any 30 minutes.
 */
class EventNotificationDeliveryProperties {

    /** One arrival: how long after the previous one it comes, and how many events it holds (one MQTT batch). */
    record Arrival(Duration gap, int events, boolean secondInstance) {
    }

    @Provide
    Arbitrary<List<Arrival>> timelines() {
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, 90).map(Duration::ofSeconds);
        Arbitrary<Duration> minutes = Arbitraries.longs().between(1, 40).map(Duration::ofMinutes);
        Arbitrary<Duration> days = Arbitraries.longs().between(1, 9).map(Duration::ofDays);
        Arbitrary<Duration> gap = Arbitraries.frequencyOf(Tuple.of(6, seconds), Tuple.of(3, minutes), Tuple.of(1, days));
        Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(3, Arbitraries.integers().between(2, 9)));
        return net.jqwik.api.Combinators.combine(gap, size, Arbitraries.of(true, false)).as(Arrival::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    enum Mode { ONE_BY_ONE, BATCHES, TWO_INSTANCES }

    /** The mails of the timeline (template and the instant queued) when it is ingested in {@code mode}. */
    private static List<String> run(List<Arrival> arrivals, Mode mode) {
        EventNotificationServicesTest.World world = new EventNotificationServicesTest.World();
        world.registered(EventNotificationServicesTest.UPS, world.ada);
        DeviceIngestService second = world.secondInstance();
        List<String> mails = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            world.clock.advance(arrival.gap());
            List<IncomingDeviceMessage> batch = new ArrayList<>();
            for (int i = 0; i < arrival.events(); i++) {
                batch.add(world.event(EventNotificationServicesTest.UPS, "ON_BATTERY"));
            }
            DeviceIngestService ingest = mode == Mode.TWO_INSTANCES && arrival.secondInstance() ? second : world.ingest;
            int before = world.mails.all().size();
            if (mode == Mode.ONE_BY_ONE) {
                batch.forEach(message -> ingest.ingest(List.of(message)));
            } else {
                ingest.ingest(batch);
            }
            Instant at = world.clock.instant();
            world.mails.all().subList(before, world.mails.all().size())
                    .forEach(mail -> mails.add(mail.template() + "@" + at));
        }
        assertThat(world.events.eventsOf(EventNotificationServicesTest.UPS))
                .as("every event is logged, whatever was mailed")
                .hasSize(arrivals.stream().mapToInt(Arrival::events).sum());
        return mails;
    }

    @Property(tries = 200)
    void theSameMailsOneByOneInBatchesAndWithTwoInstances(@ForAll("timelines") List<Arrival> arrivals) {
        List<String> oneByOne = run(arrivals, Mode.ONE_BY_ONE);

        assertThat(run(arrivals, Mode.BATCHES)).isEqualTo(oneByOne);
        assertThat(run(arrivals, Mode.TWO_INSTANCES)).isEqualTo(oneByOne);
    }

    @Property(tries = 200)
    void noThirtyMinutesEverHoldMoreThanSixNotificationsAndEachDisablingHasOneAlert(
            @ForAll("timelines") List<Arrival> arrivals) {
        List<String> mails = run(arrivals, Mode.TWO_INSTANCES);
        List<Instant> sent = mails.stream().filter(m -> m.startsWith(MailTemplate.EVENT_NOTIFICATION + "@"))
                .map(m -> Instant.parse(m.substring(m.indexOf('@') + 1))).toList();
        for (Instant end : sent) {
            assertThat(sent.stream().filter(t -> t.isAfter(end.minus(NotificationThrottle.WINDOW)) && !t.isAfter(end)))
                    .hasSizeLessThanOrEqualTo(NotificationThrottle.MAX_IN_WINDOW);
        }
        // Alerts: at most one per 7 days, and never while disabled (a disabling lasts 7 days, so two alerts are at
        // least 7 days apart).
        List<Instant> alerts = mails.stream().filter(m -> m.startsWith(MailTemplate.EVENT_NOTIFICATIONS_DISABLED + "@"))
                .map(m -> Instant.parse(m.substring(m.indexOf('@') + 1))).toList();
        for (int i = 1; i < alerts.size(); i++) {
            assertThat(Duration.between(alerts.get(i - 1), alerts.get(i))).isGreaterThanOrEqualTo(
                    NotificationThrottle.DISABLED_FOR);
        }
        // Nothing is mailed while disabled: every notification comes with or before an alert, or 7 days after it.
        for (Instant alert : alerts) {
            assertThat(sent).noneMatch(t -> t.isAfter(alert) && t.isBefore(alert.plus(NotificationThrottle.DISABLED_FOR)));
        }
    }

}
