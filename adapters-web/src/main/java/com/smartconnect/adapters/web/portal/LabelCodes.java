package com.smartconnect.adapters.web.portal;

import com.smartconnect.domain.device.DeviceLabel;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
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
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getPath() == null || !uri.getPath().replaceAll("/+$", "").endsWith(REGISTER)
                || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        String id = null;
        String key = null;
        for (String parameter : uri.getRawQuery().split("&")) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            if (name.equals("productId")) {
                id = value;
            } else if (name.equals("productKey")) {
                key = value;
            }
        }
        return id == null || key == null || id.isBlank() || key.isBlank() ? Optional.empty()
                : Optional.of(new LabelCodes(id, key));
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
