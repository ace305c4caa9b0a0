package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/**
 * Register a UPS to the logged-in user's account, by what is on its label: the Product ID and Product Key typed in,
 * or the URL of its QR code (read by a phone, or decoded from a photo of the label).
 */
public record RegisterDeviceCommand(AuthenticatedUser user, Label label) {

    public RegisterDeviceCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
    }

    /** What the user gave of the label. */
    public sealed interface Label {
    }

    /** The codes as typed (normalised before they are checked); a missing one is an empty string. */
    public record Codes(String productId, String productKey) implements Label {
        public Codes {
            productId = productId == null ? "" : productId;
            productKey = productKey == null ? "" : productKey;
        }
    }

    /** The URL of the label's QR code: {@code https://PORTAL/devices/register?productId=...&productKey=...}. */
    public record QrUrl(String url) implements Label {
        public QrUrl {
            url = url == null ? "" : url;
        }
    }
}
