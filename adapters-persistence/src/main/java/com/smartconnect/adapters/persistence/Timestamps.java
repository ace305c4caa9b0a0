package com.smartconnect.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The columns are {@code TIMESTAMP WITH TIME ZONE}, which both databases keep to the microsecond: an instant is
 * cut to microseconds before it is written, so that what is read back equals what was written.
 */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime column(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
