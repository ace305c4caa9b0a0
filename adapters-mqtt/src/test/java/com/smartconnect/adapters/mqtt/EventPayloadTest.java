package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.device.port.in.DeviceMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The streaming reading of event payloads accepts and refuses exactly what the map-based reading did (the oracle
 * below is that reading as it was), with the same reason, and reads the same event.
 */
class EventPayloadTest {

    @Property(tries = 3_000)
    void readsWhatTheMapBasedReadingRead(@ForAll("payloads") String payload) {
        Buffer bytes = Buffer.buffer(payload);
        String expected = outcome(() -> oracle(bytes));
        String actual = outcome(() -> EventPayload.read(bytes));
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 3_000)
    void readsEveryTimeTheFormatterReads(@ForAll("times") String time) {
        String expected = outcome(() -> inStoredRange(OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant()));
        String actual = outcome(() -> EventPayload.instant(time, "occurredAt"));
        if (expected.startsWith("refused")) {
            assertThat(actual).isEqualTo("refused invalid-value");
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void readsTheCommonFormWithoutTheFormatterAndLeavesTheRestToIt() {
        assertThat(EventPayload.commonForm("2026-11-20T08:16:30.123456789Z"))
                .isEqualTo(Instant.parse("2026-11-20T08:16:30.123456789Z"));
        assertThat(EventPayload.commonForm("2026-11-20T09:16:30+01:00")).isEqualTo(Instant.parse("2026-11-20T08:16:30Z"));
        assertThat(EventPayload.commonForm("2026-11-20T07:46:30.5-00:30")).isEqualTo(Instant.parse("2026-11-20T08:16:30.5Z"));
        assertThat(EventPayload.commonForm("2026-02-30T08:16:30Z")).isNull();
        assertThat(EventPayload.commonForm("2026-11-20t08:16:30z")).isNull();
        assertThat(EventPayload.instant("2026-11-20t08:16:30z", "occurredAt")).isEqualTo(Instant.parse("2026-11-20T08:16:30Z"));
        assertThat(EventPayload.commonForm("2026-11-20T08:16:30.1234567890Z")).isNull();
        assertThatThrownBy(() -> EventPayload.instant("2026-11-20T08:16:30", "occurredAt"))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("occurredAt must be an ISO-8601 time");
    }

    @Test
    void refusesWhatIsNotOneUtf8JsonObject() {
        byte[] notUtf8 = "{\"eventId\":\"e-\u00ff\",\"type\":\"ON_BATTERY\",\"occurredAt\":\"2026-11-20T08:16:30Z\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        for (Buffer payload : List.of(Buffer.buffer(notUtf8), Buffer.buffer("[1]"), Buffer.buffer(""),
                Buffer.buffer("{\"eventId\":\"e\"} {}"), Buffer.buffer("{\"eventId\":"), Buffer.buffer("nul"))) {
            assertThat(outcome(() -> EventPayload.read(payload))).as(payload.toString()).isEqualTo("refused malformed-json");
            assertThat(outcome(() -> oracle(payload))).as(payload.toString()).isEqualTo("refused malformed-json");
        }
    }

    @Test
    void keepsTheDetailsAsCompactJson() {
        DeviceMessage.Event event = EventPayload.read(Buffer.buffer("""
                { "eventId" : "e-1", "type":"ON_BATTERY", "occurredAt":"2026-11-20T08:16:30Z",
                  "details" : { "inputVoltage" : 0.0, "nested": {"a": [1, 2.5e3, "x\\"y", null, true]}, "\u00e9": "\u4e2d" } }
                """));
        assertThat(event.detailsJson()).isEqualTo("{\"inputVoltage\":0.0,\"nested\":{\"a\":[1,2500.0,\"x\\\"y\",null,true]},"
                + "\"\u00e9\":\"\u4e2d\"}");
        assertThat(event).isEqualTo(oracle(Buffer.buffer("""
                { "eventId" : "e-1", "type":"ON_BATTERY", "occurredAt":"2026-11-20T08:16:30Z",
                  "details" : { "inputVoltage" : 0.0, "nested": {"a": [1, 2.5e3, "x\\"y", null, true]}, "\u00e9": "\u4e2d" } }
                """)));
    }

    private static Instant inStoredRange(Instant instant) {
        if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "out of range");
        }
        return instant;
    }

    /** Inputs a byte-level parser takes differently from a strict decoder and a map: the map-based reading decides. */
    @Test
    void decidesOddPayloadsAsTheMapBasedReadingDid() {
        String body = "\"eventId\":\"e-1\",\"type\":\"ON_BATTERY\",\"occurredAt\":\"2026-11-20T08:16:30Z\"";
        List<byte[]> odd = List.of(
                ("\uFEFF{" + body + "}").getBytes(StandardCharsets.UTF_8),
                ("{" + body + "}").getBytes(StandardCharsets.UTF_16),
                ("{" + body + "}").getBytes(StandardCharsets.UTF_16LE),
                concat("{\"eventId\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC0, (byte) 0xAF},
                        ("\",\"type\":\"ON_BATTERY\",\"occurredAt\":\"2026-11-20T08:16:30Z\"}").getBytes(StandardCharsets.US_ASCII)),
                concat(("{" + body + ",\"details\":{\"s\":\"").getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}}".getBytes(StandardCharsets.US_ASCII)),
                ("{" + body + ",\"details\":{\"a\":1,\"a\":2}}").getBytes(StandardCharsets.UTF_8),
                ("{" + body + ",\"eventId\":\"e-2\"}").getBytes(StandardCharsets.UTF_8),
                ("{" + body + ",\"eventId\":7}").getBytes(StandardCharsets.UTF_8),
                ("{/* a comment */" + body + "}").getBytes(StandardCharsets.UTF_8),
                ("\u000B{" + body + "}\f").getBytes(StandardCharsets.UTF_8),
                ("{" + body + "}\u3000").getBytes(StandardCharsets.UTF_8),
                ("{\"eventId\":\"e\",\"type\":\"T\",\"occurredAt\":\"0000-06-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"eventId\":\"e\",\"type\":\"T\",\"occurredAt\":\"+10000-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"eventId\":\"e\",\"type\":\"T\",\"occurredAt\":\"0001-01-01T00:30:00+01:00\"}").getBytes(StandardCharsets.UTF_8));
        for (byte[] payload : odd) {
            Buffer bytes = Buffer.buffer(payload);
            String expected = outcome(() -> {
                DeviceMessage.Event event = oracle(bytes);
                inStoredRange(event.occurredAt());
                return event;
            });
            assertThat(outcome(() -> EventPayload.read(bytes))).as(new String(payload, StandardCharsets.ISO_8859_1))
                    .isEqualTo(expected);
        }
        assertThat(outcome(() -> EventPayload.read(Buffer.buffer(odd.get(5))))).contains("{\"a\":2}");
        assertThat(outcome(() -> EventPayload.read(Buffer.buffer(odd.get(11))))).isEqualTo("refused invalid-value");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String outcome(java.util.function.Supplier<?> reading) {
        try {
            return "read " + reading.get();
        } catch (RejectedPayload refused) {
            return "refused " + refused.reason();
        } catch (DateTimeParseException refused) {
            return "refused parse";
        }
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> strings = Arbitraries.of("\"e-1\"", "\"ON_BATTERY\"", "\"NEW_TYPE\"", "\"\"", "null", "42",
                "true", "{}", "[\"x\"]", "\"2026-11-20T08:16:30Z\"", "\"2026-11-20T08:16:30.123+02:00\"",
                "\"2026-02-30T08:16:30Z\"", "\"yesterday\"", "\"x\\\"y\\\\z\\u00e9\"");
        Arbitrary<String> details = Arbitraries.of("{}", "{\"inputVoltage\":0.0}", "{ \"a\" : [1, 2.50, 1e3, -0.0] }",
                "{\"n\":{\"m\":null},\"s\":\"\\u4e2d\"}", "null", "5", "\"text\"", "[]");
        Arbitrary<String> field = Arbitraries.oneOf(
                strings.map(value -> "\"eventId\":" + value),
                strings.map(value -> "\"type\":" + value),
                strings.map(value -> "\"occurredAt\":" + value),
                details.map(value -> "\"details\":" + value),
                strings.map(value -> "\"other\":" + value));
        Arbitrary<String> object = field.list().ofMaxSize(7).map(fields -> "{" + String.join(",", fields) + "}");
        Arbitrary<String> valid = Combinators.combine(strings, strings, strings, details)
                .as((id, type, at, d) -> "{\"eventId\":" + id + ", \"type\":" + type + ", \"occurredAt\":" + at
                        + ", \"details\":" + d + "}");
        Arbitrary<String> broken = object.map(text -> text.substring(0, text.length() / 2));
        return Arbitraries.oneOf(object, valid, broken, object.map(text -> "  " + text + " \n"),
                object.map(text -> text + " x"));
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 61).map(n -> String.format("%02d", n));
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(1, 9999), two, two)
                .as((y, m, d) -> String.format("%04d", y) + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(two, two, two).as((h, m, s) -> h + ":" + m + ":" + s);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11)
                .map(digits -> digits.isEmpty() ? "" : "." + digits);
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00", "+18:00", "+19:00",
                "+05:30", "-12:45", "+1:00", "+01", "+0100", ""), Combinators.combine(Arbitraries.of("+", "-"), two, two)
                .as((sign, h, m) -> sign + h + ":" + m));
        return Combinators.combine(date, Arbitraries.of("T", "t", " "), time, fraction, offset)
                .as((d, t, h, f, o) -> d + t + h + f + o);
    }

    // The map-based reading of event payloads as it was before EventPayload.

    private static DeviceMessage.Event oracle(Buffer payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedPayload(RejectedPayload.MALFORMED_JSON, "not UTF-8");
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            throw new RejectedPayload(RejectedPayload.MALFORMED_JSON, "not a JSON object");
        }
        JsonObject json;
        try {
            json = new JsonObject(trimmed);
        } catch (DecodeException e) {
            throw new RejectedPayload(RejectedPayload.MALFORMED_JSON, "malformed JSON");
        }
        String eventId = requiredString(json, "eventId");
        String type = requiredString(json, "type");
        String at = requiredString(json, "occurredAt");
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "occurredAt must be an ISO-8601 time");
        }
        Object details = json.getValue("details");
        if (details != null && !(details instanceof JsonObject)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "details must be a JSON object");
        }
        return new DeviceMessage.Event(eventId, type, occurredAt, details == null ? "{}" : ((JsonObject) details).encode());
    }

    private static String requiredString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw new RejectedPayload(RejectedPayload.MISSING_FIELD, field + " is required");
        }
        if (!(value instanceof String text)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be a string");
        }
        return text;
    }

}
