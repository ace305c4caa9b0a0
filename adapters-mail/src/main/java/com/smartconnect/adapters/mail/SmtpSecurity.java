package com.smartconnect.adapters.mail;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain text, for a relay on the same host or network only. */
    NONE,
    /** Plain connection upgraded with STARTTLS (usually port 587); refuses to continue without it. */
    STARTTLS,
    /** TLS from the first byte (implicit TLS, usually port 465). */
    TLS
}
