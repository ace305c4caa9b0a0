package com.smartconnect.adapters.web;

import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.domain.device.DeviceEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A UPS's event log as one CSV file (RFC 4180), newest first: every page the use case gives for the criteria, at most
 * {@link #MAX_ROWS} events. The API's export and the portal's Export CSV write the same file.
 */
public final class EventLogCsv {

    /** The most events one file holds. */
    public static final int MAX_ROWS = 100_000;
    static final String HEADER = "occurredAt,occurredAtLocal,timeZone,type,severity,eventId,receivedAt,details\r\n";

    private EventLogCsv() {
    }

    /**
     * The file of every page of the log from {@code first} (its {@code after} is ignored: the file starts at the
     * newest event), reading each page with {@code pages}; empty when the first page is (the user may not see the
     * device).
     */
    public static Optional<String> write(DeviceEventCriteria first,
            Function<DeviceEventCriteria, Optional<DeviceEventPage>> pages) {
        DeviceEventCriteria query = new DeviceEventCriteria(first.user(), first.productId(), first.from(), first.to(),
                first.type(), first.severity(), DeviceEventCriteria.MAX_LIMIT, Optional.empty());
        Optional<DeviceEventPage> page = pages.apply(query);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(HEADER);
        DeviceEventPage current = page.get();
        int written = 0;
        while (true) {
            for (DeviceEvent e : current.events()) {
                out.append(row(e, current.timeZone()));
                written++;
            }
            if (current.next().isEmpty() || written >= MAX_ROWS) {
                break;
            }
            Optional<DeviceEventPage> next = pages.apply(new DeviceEventCriteria(query.user(), query.productId(),
                    query.from(), query.to(), query.type(), query.severity(), DeviceEventCriteria.MAX_LIMIT,
                    current.next()));
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        return Optional.of(out.toString());
    }

    /** The name the file downloads as: {@code <productId>-events.csv}. */
    public static String fileName(String productId) {
        return productId.replaceAll("[^A-Za-z0-9]", "") + "-events.csv";
    }

    private static String row(DeviceEvent e, ZoneId zone) {
        return String.join(",", e.occurredAt().toString(), local(e.occurredAt(), zone), zone.getId(), field(e.type()),
                e.severity().name().toLowerCase(Locale.ROOT), field(e.eventId()), e.receivedAt().toString(),
                field(e.detailsJson())) + "\r\n";
    }

    /**
     * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A text the device chose that a
     * spreadsheet would take for a formula (it starts with {@code = + - @}, a tab or a carriage return) is kept as text:
     * an apostrophe before it, quoted (OWASP's advice against CSV injection).
     */
    static String field(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "\"'" + value.replace("\"", "\"\"") + "\"";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** The instant as the device's local time with its offset, as the JSON pages' {@code occurredAtLocal}. */
    static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }
}
