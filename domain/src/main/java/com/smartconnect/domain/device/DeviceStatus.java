package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UPS's periodic telemetry: its status flags (those of Network UPS Tools' {@code ups.status}: OL, OB, LB, RB,
 * CHRG, ...) and the measurements it sent. Values outside what a UPS can report are refused.
 */
public record DeviceStatus(
        Optional<Long> seq,
        Instant sentAt,
        List<String> flags,
        Optional<Integer> batteryChargePercent,
        Optional<Integer> batteryRuntimeSeconds,
        Optional<Double> loadPercent,
        Optional<Double> inputVoltage,
        Optional<Double> outputVoltage,
        Optional<Double> temperatureC) {

    public static final String INVALID = "INVALID_STATUS";
    public static final int MAX_FLAGS = 16;
    private static final Pattern FLAG = Pattern.compile("[A-Z]{1,16}");

    public DeviceStatus {
        Objects.requireNonNull(seq, "seq");
        seq.ifPresent(s -> range("seq", s, 0, Long.MAX_VALUE));
        Objects.requireNonNull(sentAt, "sentAt");
        flags = List.copyOf(flags);
        if (flags.size() > MAX_FLAGS || !flags.stream().allMatch(f -> FLAG.matcher(f).matches())) {
            throw new DomainViolation(INVALID, "status must be at most " + MAX_FLAGS + " flags of upper-case letters");
        }
        batteryChargePercent.ifPresent(v -> range("batteryChargePercent", v, 0, 100));
        batteryRuntimeSeconds.ifPresent(v -> range("batteryRuntimeSeconds", v, 0, 7 * 24 * 3600));
        loadPercent.ifPresent(v -> range("loadPercent", v, 0, 1000));
        inputVoltage.ifPresent(v -> range("inputVoltage", v, 0, 1000));
        outputVoltage.ifPresent(v -> range("outputVoltage", v, 0, 1000));
        temperatureC.ifPresent(v -> range("temperatureC", v, -60, 150));
    }

    private static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new DomainViolation(INVALID, field + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
