package com.smartconnect.domain.device;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What people read off a UPS label (or its QR code) and type in: surrounding white space, inner spaces and dashes
 * are removed and letters upper-cased before the value is checked, so {@code " as21-0412 3456 "} is the Product ID
 * {@code AS2104123456}. Devices themselves send the exact form and are not normalised.
 */
public final class DeviceLabel {

    private DeviceLabel() {
    }

    /** The typed text without surrounding white space, inner spaces and dashes, upper-cased; null stays null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(typed.length());
        typed.strip().codePoints()
                .filter(c -> c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().toUpperCase(Locale.ROOT);
    }

    /** The Product ID a person typed; a {@link com.smartconnect.domain.common.DomainViolation} names the field. */
    public static ProductId productId(String typed) {
        return new ProductId(normalise(typed));
    }

    /** The Product Key a person typed; a {@link com.smartconnect.domain.common.DomainViolation} names the field. */
    public static ProductKey productKey(String typed) {
        return new ProductKey(normalise(typed));
    }

    /** The Product ID and Product Key written in a label's QR code, as written there (not yet checked). */
    public record QrCodes(String productId, String productKey) {
    }

    /**
     * The codes of a label's QR code URL ({@code http(s)://.../devices/register?productId=..&productKey=..});
     * empty when the text is not such a URL or one of the two is missing.
     */
    public static Optional<QrCodes> fromQrUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getPath() == null || !uri.getPath().replaceAll("/+$", "").endsWith("/devices/register")
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
        return id == null || key == null ? Optional.empty() : Optional.of(new QrCodes(id, key));
    }
}
