package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeviceStatusProperties {

    private static final Instant AT = Instant.parse("2026-11-20T08:16:30Z");
    private static final int WEEK = 7 * 24 * 3600;

    /** The measurements of a status, in the order of the record's components after the flags. */
    private enum Measure { CHARGE, RUNTIME, LOAD, INPUT, OUTPUT, TEMPERATURE }

    private static DeviceStatus with(Measure measure, double value) {
        return new DeviceStatus(Optional.of(7L), AT, List.of("OL"),
                measure == Measure.CHARGE ? Optional.of((int) value) : Optional.empty(),
                measure == Measure.RUNTIME ? Optional.of((int) value) : Optional.empty(),
                measure == Measure.LOAD ? Optional.of(value) : Optional.empty(),
                measure == Measure.INPUT ? Optional.of(value) : Optional.empty(),
                measure == Measure.OUTPUT ? Optional.of(value) : Optional.empty(),
                measure == Measure.TEMPERATURE ? Optional.of(value) : Optional.empty());
    }

    private static DeviceStatus withFlags(List<String> flags) {
        return new DeviceStatus(Optional.empty(), AT, flags, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void assertRefused(Runnable making, String field) {
        assertThatThrownBy(making::run).isInstanceOf(DomainViolation.class).hasMessageContaining(field)
                .satisfies(e -> assertThat(((DomainViolation) e).code()).isEqualTo(DeviceStatus.INVALID));
    }

    @Property
    void aRuntimeIsAcceptedFromZeroToOneWeek(@ForAll @IntRange(min = -100, max = WEEK + 100) int seconds) {
        check(Measure.RUNTIME, seconds, 0, WEEK, "batteryRuntimeSeconds");
    }

    @Property
    void aLoadIsAcceptedFromZeroTo1000Percent(@ForAll @DoubleRange(min = -50, max = 1050) double load) {
        check(Measure.LOAD, load, 0, 1000, "loadPercent");
    }

    @Property
    void voltagesAreAcceptedFromZeroTo1000(@ForAll @DoubleRange(min = -50, max = 1050) double volts) {
        check(Measure.INPUT, volts, 0, 1000, "inputVoltage");
        check(Measure.OUTPUT, volts, 0, 1000, "outputVoltage");
    }

    @Property
    void aTemperatureIsAcceptedFromMinus60To150(@ForAll @DoubleRange(min = -100, max = 200) double celsius) {
        check(Measure.TEMPERATURE, celsius, -60, 150, "temperatureC");
    }

    @Property
    void everyMeasureAcceptsItsBoundsAndRefusesJustBeyond(@ForAll Measure measure) {
        double min = switch (measure) {
            case TEMPERATURE -> -60;
            default -> 0;
        };
        double max = switch (measure) {
            case CHARGE -> 100;
            case RUNTIME -> WEEK;
            case TEMPERATURE -> 150;
            default -> 1000;
        };
        boolean integral = measure == Measure.CHARGE || measure == Measure.RUNTIME;
        double step = integral ? 1 : 0.001;
        assertThat(with(measure, min)).isNotNull();
        assertThat(with(measure, max)).isNotNull();
        assertThatThrownBy(() -> with(measure, min - step)).isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> with(measure, max + step)).isInstanceOf(DomainViolation.class);
    }

    @Example
    void notANumberIsRefused() {
        for (Measure measure : List.of(Measure.LOAD, Measure.INPUT, Measure.OUTPUT, Measure.TEMPERATURE)) {
            assertThatThrownBy(() -> with(measure, Double.NaN)).isInstanceOf(DomainViolation.class);
        }
    }

    private static void check(Measure measure, double value, double min, double max, String field) {
        if (value >= min && value <= max) {
            DeviceStatus status = with(measure, value);
            Optional<? extends Number> kept = switch (measure) {
                case CHARGE -> status.batteryChargePercent();
                case RUNTIME -> status.batteryRuntimeSeconds();
                case LOAD -> status.loadPercent();
                case INPUT -> status.inputVoltage();
                case OUTPUT -> status.outputVoltage();
                case TEMPERATURE -> status.temperatureC();
            };
            assertThat(kept.orElseThrow().doubleValue()).isEqualTo(value);
        } else {
            assertRefused(() -> with(measure, value), field);
        }
    }

    @Property
    void aSequenceNumberIsNeverNegative(@ForAll @LongRange(min = -5, max = 5) long seq) {
        if (seq >= 0) {
            assertThat(new DeviceStatus(Optional.of(seq), AT, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()).seq()).contains(seq);
        } else {
            assertRefused(() -> new DeviceStatus(Optional.of(seq), AT, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), "seq");
        }
    }

    @Property
    void upTo16FlagsAreAccepted(@ForAll @IntRange(min = 0, max = 20) int count) {
        List<String> flags = IntStream.range(0, count).mapToObj(i -> "F" + (char) ('A' + i)).toList();
        if (count <= DeviceStatus.MAX_FLAGS) {
            assertThat(withFlags(flags).flags()).containsExactlyElementsOf(flags);
        } else {
            assertRefused(() -> withFlags(flags), "flags");
        }
    }

    @Property
    void flagsAreOneTo16UpperCaseLetters(@ForAll("flagLike") String flag) {
        if (flag.matches("[A-Z]{1,16}")) {
            assertThat(withFlags(List.of("OL", flag)).flags()).containsExactly("OL", flag);
        } else {
            assertRefused(() -> withFlags(List.of("OL", flag)), "flags");
        }
    }

    @Provide
    Arbitrary<String> flagLike() {
        return Arbitraries.strings().withChars("OLBc1 _").ofMinLength(0).ofMaxLength(20);
    }

    @Property
    void aCommandIdIsOneTo64Characters(@ForAll @IntRange(min = 0, max = 70) int length) {
        String id = "c".repeat(length);
        if (length >= 1 && length <= 64) {
            assertThat(new CommandAck(id, true, Optional.empty(), Optional.empty()).commandId()).isEqualTo(id);
        } else {
            assertThatThrownBy(() -> new CommandAck(id, true, Optional.empty(), Optional.empty()))
                    .isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(((DomainViolation) e).code()).isEqualTo(CommandAck.INVALID));
        }
    }

    @Example
    void aMissingOrBlankCommandIdIsRefused() {
        assertThatThrownBy(() -> new CommandAck(null, false, Optional.empty(), Optional.empty()))
                .isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> new CommandAck("  ", false, Optional.empty(), Optional.empty()))
                .isInstanceOf(DomainViolation.class);
    }

    @Property
    void anAckMessageIsCutAt1024Characters(@ForAll @IntRange(min = 0, max = 3000) int length) {
        String message = "m".repeat(length);
        CommandAck ack = new CommandAck("cmd-1", false, Optional.of(message), Optional.of(AT));
        assertThat(ack.message()).contains(message.substring(0, Math.min(length, 1024)));
        assertThat(ack.ok()).isFalse();
        assertThat(ack.sentAt()).contains(AT);
    }
}
