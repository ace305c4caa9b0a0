package com.smartconnect.application.notification.port.in;

import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The links of notification mails, which work without a login: "Unsubscribe from Email Event Notifications" and the
 * "Enable Notifications" link of the alert. Reading a link changes nothing (mail scanners follow links); only its
 * confirmation does. Each answer is empty when the token is not a link the server made.
 */
public interface NotificationLinkUseCase {

    /** What the unsubscribe link is about. */
    Optional<Unsubscription> unsubscription(String token);

    /** Takes the link's recipient off its notification; answering again (and changing nothing) once it is off. */
    Optional<Unsubscription> unsubscribe(String token);

    /** What the enable link is about. */
    Optional<Enabling> enabling(String token);

    /** Ends the disabling the link names, if it is still on. */
    Optional<Enabling> enable(String token);

    /**
     * @param productId the UPS, whose Email Notifications the confirmation page links to
     * @param subscribed whether the recipient still gets the notification's mails
     */
    record Unsubscription(ProductId productId, String deviceName, String recipient, boolean subscribed) {
        public Unsubscription {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(deviceName, "deviceName");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * The device's notifications as the enable link finds them.
     *
     * @param productId the UPS, whose Email Notifications the pages of the link lead to
     * @param disabledUntil the end of the disabling in force, if the device's notifications are disabled now
     * @param ofThisLink whether that disabling is the one the link was sent for (false: an earlier alert's link, and
     *     the device was disabled again since; the latest alert's link, or the settings, enable them)
     */
    record Enabling(ProductId productId, String deviceName, Optional<Instant> disabledUntil, ZoneId timeZone,
            boolean ofThisLink) {
        public Enabling {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(deviceName, "deviceName");
            Objects.requireNonNull(disabledUntil, "disabledUntil");
            Objects.requireNonNull(timeZone, "timeZone");
        }

        /** A disabling of this link, or none. */
        public Enabling(ProductId productId, String deviceName, Optional<Instant> disabledUntil, ZoneId timeZone) {
            this(productId, deviceName, disabledUntil, timeZone, true);
        }
    }
}
