package com.smartconnect.application.device.port.in;

/** What became of one ingested device message; all of them are acknowledged to the device. */
public sealed interface IngestOutcome {

    /** Stored durably (committed). */
    record Stored() implements IngestOutcome {
    }

    /** A redelivery of an event that is stored already: nothing new was stored. */
    record Duplicate() implements IngestOutcome {
    }

    /** Never storable (a server-only event type, a value out of range): counted and logged, never retried. */
    record Rejected(String reason) implements IngestOutcome {
    }
}
