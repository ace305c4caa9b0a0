package com.smartconnect.adapters.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.smartconnect.application.device.port.in.DeviceMessage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an {@code ups/{pid}/events} payload, the hot path of the device endpoint: it runs on the event loop for every
 * event. It streams the JSON with Jackson straight from the bytes instead of decoding them to a string, building a
 * map of the whole object and encoding the {@code details} map again (what {@link DevicePayloads} does for the rarer
 * messages), and parses the common form of a timestamp ({@code 2026-11-20T08:16:30.123Z}, or with an offset) without
 * a {@link DateTimeFormatter}. Those took most of the event loop's time in a profile (BENCHMARKS.md).
 *
 * <p>It decides as the map-based reading decides: a UTF-8 JSON object and nothing after it, {@code eventId},
 * {@code type} and {@code occurredAt} strings (null counts as absent), {@code occurredAt} an ISO-8601 time with an
 * offset, {@code details} absent, null or an object (kept as compact JSON), other fields ignored. Whatever is out of
 * the ordinary (bytes that are not UTF-8, anything before the opening brace but spaces and line breaks, a repeated
 * field, a comment, or any other JSON Jackson's parser refuses) is handed to {@link DevicePayloads#eventFromMap},
 * which decides. Times are taken between the years 1 and 9999 (UTC), which both databases store.
 */
final class EventPayload {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The range of times both databases store as sent (PostgreSQL refuses year 0 and years past 9999 as text). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private EventPayload() {
    }

    /** A string field as read: absent (or null), a string, or a value of another type. */
    private record Text(String value, boolean wrongType) {

        static final Text ABSENT = new Text(null, false);
        static final Text WRONG_TYPE = new Text(null, true);

        String required(String field) {
            if (wrongType) {
                throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be a string");
            }
            if (value == null) {
                throw new RejectedPayload(RejectedPayload.MISSING_FIELD, field + " is required");
            }
            return value;
        }
    }

    static DeviceMessage.Event read(Buffer payload) {
        byte[] bytes = payload.getBytes();
        if (!ordinary(bytes)) {
            return DevicePayloads.eventFromMap(payload);
        }
        Text eventId = Text.ABSENT;
        Text type = Text.ABSENT;
        Text occurredAt = Text.ABSENT;
        String details = null;
        boolean detailsNotAnObject = false;
        try (JsonParser parser = JSON.createParser(bytes)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value);
                    case "type" -> type = text(parser, value);
                    case "occurredAt" -> occurredAt = text(parser, value);
                    case "details" -> {
                        detailsNotAnObject = value != JsonToken.START_OBJECT && value != JsonToken.VALUE_NULL;
                        details = value == JsonToken.START_OBJECT ? compact(parser) : null;
                        parser.skipChildren();
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return DevicePayloads.eventFromMap(payload);
            }
        } catch (IOException e) {
            return DevicePayloads.eventFromMap(payload);
        }
        // Checked in the order the map-based reading checks them, so a payload gets the same reason from both.
        String id = eventId.required("eventId");
        String kind = type.required("type");
        Instant occurred = instant(occurredAt.required("occurredAt"), "occurredAt");
        if (detailsNotAnObject) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "details must be a JSON object");
        }
        return new DeviceMessage.Event(id, kind, occurred, details == null ? "{}" : details);
    }

    /**
     * Whether the payload starts, after spaces and line breaks, with an opening brace, has no control characters but
     * tabs and line breaks, and is valid UTF-8 (checked only when it has bytes past ASCII, which Jackson's parser
     * would take in forms the strict decoder refuses).
     */
    private static boolean ordinary(byte[] bytes) {
        int at = 0;
        while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n')) {
            at++;
        }
        if (at == bytes.length || bytes[at] != '{') {
            return false;
        }
        boolean ascii = true;
        for (byte b : bytes) {
            if (b >= 0 && b < ' ' && b != '\t' && b != '\r' && b != '\n') {
                // A control character (JSON allows none outside strings, and none raw inside): or UTF-16 or UTF-32
                // without a byte order mark, which Jackson would detect and read.
                return false;
            }
            ascii &= b >= 0;
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static Text text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return new Text(parser.getText(), false);
        }
        if (value == JsonToken.VALUE_NULL) {
            return Text.ABSENT;
        }
        parser.skipChildren();
        return Text.WRONG_TYPE;
    }

    private static String compact(JsonParser parser) throws IOException {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    static Instant instant(String text, String field) {
        Instant instant = commonForm(text);
        if (instant == null) {
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new RejectedPayload(RejectedPayload.INVALID_VALUE,
                        field + " must be an ISO-8601 time with an offset");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be between the years 1 and 9999");
        }
        return instant;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code ±HH:mm}; null for
     * any other form or an impossible date, which the formatter then reads or refuses.
     */
    static Instant commonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, at);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, at + 3);
            int minutes = digits(text, at + 4, at + 6);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = text.charAt(at) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the ASCII digits in {@code [from, to)} spell, or -1 if one of them is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
