package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.domain.device.DeviceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the device pages (My devices, the UPS Status page) put a UPS's state in words: its status flags (On line, On
 * battery...), whether it is online or when it was last seen, and times in the device's time zone. One place, so that
 * both pages say the same.
 */
final class StatusWords {

    /** The flags that make a UPS need attention now: on battery, low or to be replaced battery, overload, shutdown. */
    static final Set<String> ALARMS = Set.of("OB", "LB", "RB", "OVER", "FSD");
    /** The flags put in words, in the order they are listed; others are shown as the device sent them. */
    static final List<String> KNOWN_FLAGS = List.of("OB", "LB", "RB", "OVER", "FSD", "OL", "CHRG", "DISCHRG",
            "HB", "BYPASS", "CAL", "OFF", "TRIM", "BOOST");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final Messages messages;

    StatusWords(Messages messages) {
        this.messages = messages;
    }

    /** Whether one of the flags is an alarm (see {@link #ALARMS}). */
    static boolean alarming(List<String> flags) {
        return flags.stream().anyMatch(ALARMS::contains);
    }

    /** The flags in words, alarms first, each with {@code text} and {@code alarm} for the {@code flags} list. */
    List<Map<String, Object>> flags(List<String> flags) {
        List<Map<String, Object>> words = new ArrayList<>();
        KNOWN_FLAGS.stream().filter(flags::contains).forEach(flag -> words.add(Map.of(
                "text", messages.get("flag." + flag), "alarm", ALARMS.contains(flag))));
        flags.stream().filter(flag -> !KNOWN_FLAGS.contains(flag))
                .forEach(flag -> words.add(Map.of("text", flag, "alarm", false)));
        return words;
    }

    /** "Online", "Offline, last seen 7 Dec 2026, 09:15 CET" or "Offline, never connected". */
    String connection(RegisteredDeviceView device) {
        return device.online() ? messages.get("devices.online")
                : device.lastSeenAt().map(at -> messages.format("devices.lastSeen", at(at, device.timeZone())))
                        .orElse(messages.get("devices.neverSeen"));
    }

    /** A time as people of the device's time zone read it: "7 Dec 2026, 09:15 CET". */
    static String at(Instant at, ZoneId zone) {
        return AT.format(at.atZone(zone)) + " " + zoneName(zone);
    }

    /** A day: "1 Mar 2027". */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The time zone as people read it: its short name (CET, EST), or UTC. */
    static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** The battery charge ("95 %"), or "Not known". */
    String charge(java.util.Optional<DeviceStatus> status) {
        return status.flatMap(DeviceStatus::batteryChargePercent).map(v -> v + " %")
                .orElse(messages.get("devices.unknown"));
    }

    /** The load ("38 %"), or "Not known". */
    String load(java.util.Optional<DeviceStatus> status) {
        return status.flatMap(DeviceStatus::loadPercent).map(v -> String.format(Locale.ENGLISH, "%.0f %%", v))
                .orElse(messages.get("devices.unknown"));
    }
}
