package com.smartconnect.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventNotificationProperties {

    private static final NotificationId ID = new NotificationId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final ProductId DEVICE = new ProductId("AS2104123456");
    private static final Instant AT = Instant.parse("2026-11-20T08:16:30Z");
    private static final EmailAddress OWNER = new EmailAddress("owner@example.com");

    private static EmailAddress address(int i) {
        return new EmailAddress("person" + i + "@example.com");
    }

    private static List<EmailAddress> addresses(int count) {
        return IntStream.range(0, count).mapToObj(EventNotificationProperties::address).toList();
    }

    private static EventNotification notification(List<EmailAddress> recipients, Set<Severity> severities,
            Set<String> types, boolean email) {
        return new EventNotification(ID, DEVICE, recipients, severities, new TreeSet<>(types), email);
    }

    private static DeviceEvent event(String type, Severity severity) {
        return new DeviceEvent(DEVICE, "e-1", type, severity, AT, AT, "{}");
    }

    @Property
    void upToTenDistinctRecipientsAreAcceptedAndMoreAreRefused(@ForAll @IntRange(min = 0, max = 15) int count) {
        if (count <= EventNotification.MAX_RECIPIENTS) {
            assertThat(notification(addresses(count), Set.of(Severity.INFO), Set.of(), true).recipients())
                    .containsExactlyElementsOf(addresses(count));
        } else {
            assertThatThrownBy(() -> notification(addresses(count), Set.of(Severity.INFO), Set.of(), true))
                    .isInstanceOf(DomainViolation.class)
                    .extracting(e -> ((DomainViolation) e).code()).isEqualTo(EventNotification.TOO_MANY_RECIPIENTS);
        }
    }

    @Property
    void recipientsAreKeptOnceInTheOrderGiven(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 9) Integer> picks) {
        List<EmailAddress> given = picks.stream().map(EventNotificationProperties::address).toList();
        EventNotification notification = notification(given, Set.of(Severity.WARNING), Set.of(), true);
        assertThat(notification.recipients()).containsExactlyElementsOf(given.stream().distinct().toList());
    }

    @Example
    void theSameMailboxTypedTwiceCountsOnce() {
        EventNotification notification = notification(
                List.of(new EmailAddress("Ada@Example.com"), new EmailAddress(" ada@example.com ")),
                Set.of(Severity.WARNING), Set.of(), true);
        assertThat(notification.recipients()).containsExactly(new EmailAddress("ada@example.com"));
    }

    @Example
    void aNotificationWithNeitherSeverityNorTypeIsRefused() {
        assertThatThrownBy(() -> notification(List.of(OWNER), Set.of(), Set.of(), true))
                .isInstanceOf(DomainViolation.class)
                .extracting(e -> ((DomainViolation) e).code()).isEqualTo(EventNotification.NOTHING_SELECTED);
    }

    @Example
    void aTypeAloneOrASeverityAloneIsEnough() {
        assertThat(notification(List.of(OWNER), Set.of(), Set.of("ON_BATTERY"), true).eventTypes())
                .containsExactly("ON_BATTERY");
        assertThat(notification(List.of(OWNER), Set.of(Severity.CRITICAL), Set.of(), true).severities())
                .containsExactly(Severity.CRITICAL);
    }

    @Property
    void atMost32EventTypesAreAccepted(@ForAll @IntRange(min = 1, max = 40) int count) {
        Set<String> types = new TreeSet<>();
        IntStream.range(0, count).forEach(i -> types.add("TYPE_" + i));
        if (count <= EventNotification.MAX_EVENT_TYPES) {
            assertThat(notification(List.of(OWNER), Set.of(), types, true).eventTypes()).hasSize(count);
        } else {
            assertThatThrownBy(() -> notification(List.of(OWNER), Set.of(), types, true))
                    .isInstanceOf(DomainViolation.class)
                    .extracting(e -> ((DomainViolation) e).code()).isEqualTo(EventNotification.INVALID_EVENT_TYPE);
        }
    }

    @Property
    void eventTypesAreWrittenInUpperCaseWithDigitsAndUnderscores(@ForAll("typeLike") String type) {
        boolean wellFormed = type.matches("[A-Z][A-Z0-9_]{0,63}");
        if (wellFormed) {
            assertThat(notification(List.of(OWNER), Set.of(), Set.of(type), true).eventTypes()).containsExactly(type);
        } else {
            assertThatThrownBy(() -> notification(List.of(OWNER), Set.of(), Set.of(type), true))
                    .isInstanceOf(DomainViolation.class)
                    .extracting(e -> ((DomainViolation) e).code()).isEqualTo(EventNotification.INVALID_EVENT_TYPE);
        }
    }

    @Provide
    Arbitrary<String> typeLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '0', '9').ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().withChars("ABab_-9 .").ofMinLength(0).ofMaxLength(10));
    }

    @Example
    void theEventTypesAndSeveritiesCannotBeChangedFromOutside() {
        Set<Severity> severities = EnumSet.of(Severity.WARNING);
        TreeSet<String> types = new TreeSet<>(Set.of("ON_BATTERY"));
        List<EmailAddress> recipients = new ArrayList<>(List.of(OWNER));
        EventNotification notification = new EventNotification(ID, DEVICE, recipients, severities, types, true);
        severities.add(Severity.INFO);
        types.add("OVERLOAD");
        recipients.add(address(1));
        assertThat(notification.severities()).containsExactly(Severity.WARNING);
        assertThat(notification.eventTypes()).containsExactly("ON_BATTERY");
        assertThat(notification.recipients()).containsExactly(OWNER);
        assertThatThrownBy(() -> notification.eventTypes().add("OVERLOAD"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> notification.severities().add(Severity.INFO))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Property
    void anEventIsCoveredByItsSeverityOrByItsType(@ForAll Set<Severity> severities,
            @ForAll("chosenTypes") Set<String> types, @ForAll Severity eventSeverity,
            @ForAll("eventTypes") String eventType) {
        if (severities.isEmpty() && types.isEmpty()) {
            return;
        }
        EventNotification notification = notification(List.of(OWNER), severities, types, true);
        DeviceEvent event = event(eventType, eventSeverity);
        boolean expected = severities.contains(eventSeverity) || types.contains(eventType);
        assertThat(notification.covers(event)).isEqualTo(expected);
        assertThat(notification.mails(event)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Set<String>> chosenTypes() {
        return eventTypes().set().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> eventTypes() {
        return Arbitraries.of("ON_BATTERY", "OVERLOAD", "BATTERY_LOW", "SOMETHING_NEW");
    }

    @Property
    void nothingIsMailedWithEmailOffOrWithoutRecipients(@ForAll Severity severity, @ForAll boolean email,
            @ForAll @IntRange(min = 0, max = 3) int recipients) {
        EventNotification notification = notification(addresses(recipients), EnumSet.allOf(Severity.class), Set.of(),
                email);
        DeviceEvent event = event("ON_BATTERY", severity);
        assertThat(notification.covers(event)).isTrue();
        assertThat(notification.mails(event)).isEqualTo(email && recipients > 0);
    }

    @Example
    void theDefaultNotificationMailsTheOwnerOfWarningAndCriticalEvents() {
        EventNotification notification = EventNotification.defaultFor(ID, DEVICE, OWNER);
        assertThat(notification.id()).isEqualTo(ID);
        assertThat(notification.productId()).isEqualTo(DEVICE);
        assertThat(notification.recipients()).containsExactly(OWNER);
        assertThat(notification.email()).isTrue();
        assertThat(notification.eventTypes()).isEmpty();
        assertThat(notification.mails(event("ON_BATTERY", Severity.WARNING))).isTrue();
        assertThat(notification.mails(event("BATTERY_LOW", Severity.CRITICAL))).isTrue();
        assertThat(notification.mails(event("POWER_RESTORED", Severity.INFO))).isFalse();
    }

    @Property
    void anUnsubscribedAddressIsTakenOffAndTheOthersStayInOrder(@ForAll @IntRange(min = 1, max = 10) int count,
            @ForAll @IntRange(min = 0, max = 9) int leaving) {
        EventNotification notification = notification(addresses(count), Set.of(Severity.WARNING), Set.of("OVERLOAD"),
                false);
        EmailAddress gone = address(leaving);
        EventNotification after = notification.without(gone);
        List<EmailAddress> expected = new ArrayList<>(addresses(count));
        expected.remove(gone);
        assertThat(after.recipients()).containsExactlyElementsOf(expected);
        assertThat(after.hasRecipient(gone)).isFalse();
        assertThat(notification.hasRecipient(gone)).isEqualTo(leaving < count);
        assertThat(after.id()).isEqualTo(ID);
        assertThat(after.productId()).isEqualTo(DEVICE);
        assertThat(after.severities()).containsExactly(Severity.WARNING);
        assertThat(after.eventTypes()).containsExactly("OVERLOAD");
        assertThat(after.email()).isFalse();
    }

    @Example
    void theLastRecipientMayUnsubscribeAndTheNotificationThenMailsNobody() {
        EventNotification alone = EventNotification.defaultFor(ID, DEVICE, OWNER).without(OWNER);
        assertThat(alone.recipients()).isEmpty();
        assertThat(alone.covers(event("ON_BATTERY", Severity.WARNING))).isTrue();
        assertThat(alone.mails(event("ON_BATTERY", Severity.WARNING))).isFalse();
    }

    @Property
    void aChangedAddressTakesTheOldOnesPlace(@ForAll @IntRange(min = 1, max = 10) int count,
            @ForAll @IntRange(min = 0, max = 9) int changing) {
        List<EmailAddress> before = addresses(count);
        EmailAddress from = address(changing);
        EmailAddress to = new EmailAddress("renamed@example.org");
        EventNotification after = notification(before, Set.of(Severity.CRITICAL), Set.of("ON_BATTERY"), true)
                .withRecipientReplaced(from, to);
        List<EmailAddress> expected = before.stream().map(r -> r.equals(from) ? to : r).toList();
        assertThat(after.recipients()).containsExactlyElementsOf(expected);
        assertThat(after.hasRecipient(from)).isFalse();
        assertThat(after.hasRecipient(to)).isEqualTo(changing < count);
        assertThat(after.id()).isEqualTo(ID);
        assertThat(after.productId()).isEqualTo(DEVICE);
        assertThat(after.severities()).containsExactly(Severity.CRITICAL);
        assertThat(after.eventTypes()).containsExactly("ON_BATTERY");
        assertThat(after.email()).isTrue();
    }

    @Example
    void replacingAnAddressByAnotherRecipientKeepsThatRecipientOnce() {
        EventNotification after = notification(List.of(OWNER, address(1), address(2)), Set.of(Severity.CRITICAL),
                Set.of(), true).withRecipientReplaced(OWNER, address(2));
        assertThat(after.recipients()).containsExactly(address(2), address(1));
    }
}
