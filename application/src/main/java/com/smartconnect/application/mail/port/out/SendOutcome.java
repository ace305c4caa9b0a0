package com.smartconnect.application.mail.port.out;

import java.util.Objects;
import java.util.Optional;

/** What one try to send a mail came to. */
public sealed interface SendOutcome {

    /** The mail server accepted the mail. */
    record Sent() implements SendOutcome {
    }

    /**
     * The mail did not leave.
     *
     * @param kind whether trying again can help
     * @param error the failure for the outbox: the reason and the server's reply, which may quote the address
     * @param causes the failure's chain on one line, for the log: addresses in it keep only their domain
     * @param advice the setting to change when the sender's set-up is at fault, for the log; never a password
     */
    record Failed(FailureKind kind, String error, String causes, Optional<String> advice) implements SendOutcome {

        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(causes, "causes");
            Objects.requireNonNull(advice, "advice");
        }
    }

    /** Whether a failed mail may go later. */
    enum FailureKind {
        /** The server or the set-up may mend: an outage, a timeout, a "try again later" (SMTP 4xx). */
        TEMPORARY,
        /** The server refused the mail for good (SMTP 5xx, an invalid address). */
        PERMANENT,
        /** The mail cannot be rendered from its values; the same values fail the same way every time. */
        UNRENDERABLE
    }
}
