package com.smartconnect.adapters.mail;

import java.util.Objects;
import java.util.Optional;

/** Where and how to reach the SMTP server. Authentication is used only when a user is given. */
public record SmtpSettings(String host, int port, SmtpSecurity security, Optional<String> user, Optional<String> password) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
    }

    /** Settings for a server that needs no login. */
    public static SmtpSettings anonymous(String host, int port, SmtpSecurity security) {
        return new SmtpSettings(host, port, security, Optional.empty(), Optional.empty());
    }

    // Settings end up in startup logs and exception messages; the password must not.
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user.orElse("(none)")
                + ", password=" + (password.isPresent() ? "****" : "(none)") + "]";
    }
}
