package com.smartconnect.adapters.mqtt;

import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON payloads of device-protocol.md into the application's {@link DeviceMessage}s: UTF-8 JSON objects of
 * at most 16 KiB, the required fields present and of their type, unknown fields ignored. Anything else is a
 * {@link RejectedPayload} with its reason.
 */
final class DevicePayloads {

    private DevicePayloads() {
    }

    /** The message of a payload published on {@code ups/{pid}/{kind}}. */
    static DeviceMessage read(String kind, Buffer payload) {
        if (payload.length() > DeviceEndpointSettings.MAX_PAYLOAD_BYTES) {
            throw new RejectedPayload(RejectedPayload.TOO_LARGE, "payload of " + payload.length() + " bytes, more than "
                    + DeviceEndpointSettings.MAX_PAYLOAD_BYTES);
        }
        return switch (kind) {
            case "birth" -> birth(object(payload));
            case "status" -> status(object(payload));
            case "events" -> EventPayload.read(payload);
            case "connection" -> connection(object(payload));
            case "acks" -> ack(object(payload));
            default -> throw new RejectedPayload(RejectedPayload.UNKNOWN_TOPIC, "no messages are taken on " + kind);
        };
    }

    private static JsonObject object(Buffer payload) {
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
        try {
            return new JsonObject(trimmed);
        } catch (DecodeException e) {
            throw new RejectedPayload(RejectedPayload.MALFORMED_JSON, "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    private static DeviceMessage birth(JsonObject json) {
        return valid(() -> new DeviceMessage.Birth(new DeviceBirth(requiredString(json, "model"),
                optionalString(json, "serialNumber"), optionalString(json, "firmware"),
                requiredBoolean(json, "smartConnectEnabled"), optionalString(json, "batterySku"),
                optionalString(json, "batteryInstalledOn").map(d -> date("batteryInstalledOn", d)),
                strings(json, "outletGroups"), instant(json, "sentAt"))));
    }

    private static DeviceMessage status(JsonObject json) {
        if (!json.containsKey("status") || json.getValue("status") == null) {
            throw missing("status");
        }
        return valid(() -> new DeviceMessage.Status(new DeviceStatus(
                optionalNumber(json, "seq").map(Number::longValue), instant(json, "sentAt"), strings(json, "status"),
                optionalNumber(json, "batteryChargePercent").map(DevicePayloads::wholeNumber),
                optionalNumber(json, "batteryRuntimeSeconds").map(DevicePayloads::wholeNumber),
                optionalNumber(json, "loadPercent").map(Number::doubleValue),
                optionalNumber(json, "inputVoltage").map(Number::doubleValue),
                optionalNumber(json, "outputVoltage").map(Number::doubleValue),
                optionalNumber(json, "temperatureC").map(Number::doubleValue))));
    }

    /**
     * An event payload read through a map, as the other payloads are: what {@link EventPayload}'s streaming reader hands
     * over when a payload is out of the ordinary, so that both decide alike.
     */
    static DeviceMessage.Event eventFromMap(Buffer payload) {
        JsonObject json = object(payload);
        String eventId = requiredString(json, "eventId");
        String type = requiredString(json, "type");
        Instant occurredAt = instant(json, "occurredAt");
        Object details = json.getValue("details");
        if (details != null && !(details instanceof JsonObject)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "details must be a JSON object");
        }
        String detailsJson = details == null ? "{}" : ((JsonObject) details).encode();
        return new DeviceMessage.Event(eventId, type, occurredAt, detailsJson);
    }

    private static DeviceMessage connection(JsonObject json) {
        return switch (requiredString(json, "state")) {
            case "online" -> new DeviceMessage.Connection(true);
            case "offline" -> new DeviceMessage.Connection(false);
            default -> throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "state must be online or offline");
        };
    }

    private static DeviceMessage ack(JsonObject json) {
        String commandId = requiredString(json, "commandId");
        boolean ok = switch (requiredString(json, "result")) {
            case "OK" -> true;
            case "FAILED" -> false;
            default -> throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "result must be OK or FAILED");
        };
        Optional<Instant> sentAt = json.containsKey("sentAt") ? Optional.of(instant(json, "sentAt")) : Optional.empty();
        return valid(() -> new DeviceMessage.Ack(new CommandAck(commandId, ok, optionalString(json, "message"), sentAt)));
    }

    /** A domain value's own checks (ranges, lengths) refused it. */
    private static DeviceMessage valid(java.util.function.Supplier<DeviceMessage> make) {
        try {
            return make.get();
        } catch (DomainViolation refused) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, refused.getMessage());
        }
    }

    private static RejectedPayload missing(String field) {
        return new RejectedPayload(RejectedPayload.MISSING_FIELD, field + " is required");
    }

    private static String requiredString(JsonObject json, String field) {
        return optionalString(json, field).orElseThrow(() -> missing(field));
    }

    private static Optional<String> optionalString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be a string");
        }
        return Optional.of(text);
    }

    private static boolean requiredBoolean(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw missing(field);
        }
        if (!(value instanceof Boolean flag)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be true or false");
        }
        return flag;
    }

    private static Optional<Number> optionalNumber(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be a number");
        }
        return Optional.of(number);
    }

    private static int wholeNumber(Number number) {
        double value = number.doubleValue();
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, "a whole number was expected, not " + number);
        }
        return (int) value;
    }

    private static List<String> strings(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!(item instanceof String text)) {
                throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be an array of strings");
            }
            strings.add(text);
        }
        return strings;
    }

    private static Instant instant(JsonObject json, String field) {
        return EventPayload.instant(requiredString(json, field), field);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RejectedPayload(RejectedPayload.INVALID_VALUE, field + " must be a date as YYYY-MM-DD");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The payload of a command to a device, as the protocol's "Server to device" section shows it. */
    static Buffer command(com.smartconnect.domain.device.DeviceCommand command) {
        JsonObject json = new JsonObject()
                .put("commandId", command.commandId())
                .put("type", command.type().name());
        switch (command.type()) {
            case SET_SENSITIVITY -> json.put("sensitivity", command.argument());
            case REBOOT_OUTLET_GROUP -> json.put("outletGroup", command.argument());
        }
        return json.put("issuedAt", command.issuedAt().toString()).toBuffer();
    }
}
