package com.smartconnect.adapters.web.portal;

import com.smartconnect.domain.device.DeviceLabel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Product ID and Product Key of a UPS label as the portal carries them from page to page: read from the URL of
 * the label's QR code ({@code https://PORTAL/devices/register?productId=...&productKey=...}) and written into the
 * Register UPS page's own address. The use case checks them; this only finds them.
 */
record LabelCodes(String productId, String productKey) {

    private static final String REGISTER = "/devices/register";

    /** The codes of a label's QR code text; empty when the text is not such a URL. */
    static Optional<LabelCodes> fromQrText(String text) {
        return DeviceLabel.fromQrUrl(text)
                .filter(codes -> !codes.productId().isBlank() && !codes.productKey().isBlank())
                .map(codes -> new LabelCodes(codes.productId(), codes.productKey()));
    }

    /**
     * This server's Register UPS page with the codes filled in; spaces and dashes as typed are left out, so the
     * address stays one that a login may come back to.
     */
    String registerPath() {
        return REGISTER + "?productId=" + encode(DeviceLabel.normalise(productId)) + "&productKey="
                + encode(DeviceLabel.normalise(productKey));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
