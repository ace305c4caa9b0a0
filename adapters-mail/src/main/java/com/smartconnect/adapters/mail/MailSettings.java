package com.smartconnect.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * What every mail shares: the sender, like {@code SmartConnect <no-reply@smartconnect.local>}, and the public URL
 * of the portal, the base of the links in mails and the host part of each {@code Message-ID}.
 */
public record MailSettings(String from, URI publicUrl) {

    public MailSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(publicUrl, "publicUrl");
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a sender address: " + from, e);
        }
        if (!publicUrl.isAbsolute() || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("The public URL needs a scheme and a host: " + publicUrl);
        }
    }

    InternetAddress fromAddress() {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("checked in the constructor", e);
        }
    }

    /** The public URL without a trailing slash, so templates can write {@code {{publicUrl}}/login}. */
    String linkBase() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
