package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeviceBirthProperties {

    private static final Instant AT = Instant.parse("2026-11-20T08:16:30Z");

    private static DeviceBirth birth(String model, Optional<String> serial, Optional<String> firmware,
            Optional<String> sku, List<String> outletGroups) {
        return new DeviceBirth(model, serial, firmware, true, sku, Optional.of(LocalDate.of(2025, 3, 1)), outletGroups,
                AT);
    }

    private static DeviceBirth withModel(String model) {
        return birth(model, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private static void assertRefused(Runnable making, String field) {
        assertThatThrownBy(making::run).isInstanceOf(DomainViolation.class)
                .hasMessageContaining(field)
                .satisfies(e -> assertThat(((DomainViolation) e).code()).isEqualTo(DeviceBirth.INVALID));
    }

    @Example
    void aTypicalBirthMessageIsKeptAsSent() {
        DeviceBirth birth = new DeviceBirth("SMT1500RMI2UC", Optional.of("AS2104123456"), Optional.of("UPS 15.2"), true,
                Optional.of("APCRBC133"), Optional.of(LocalDate.of(2025, 3, 1)), List.of("MAIN", "GROUP_1"), AT);
        assertThat(birth.model()).isEqualTo("SMT1500RMI2UC");
        assertThat(birth.serialNumber()).contains("AS2104123456");
        assertThat(birth.firmware()).contains("UPS 15.2");
        assertThat(birth.smartConnectEnabled()).isTrue();
        assertThat(birth.batterySku()).contains("APCRBC133");
        assertThat(birth.batteryInstalledOn()).contains(LocalDate.of(2025, 3, 1));
        assertThat(birth.outletGroups()).containsExactly("MAIN", "GROUP_1");
        assertThat(birth.sentAt()).isEqualTo(AT);
    }

    @Property
    void everyTextFieldTakesOneTo64PrintableCharactersAndIsStripped(@ForAll @IntRange(min = 0, max = 80) int length) {
        String value = "x".repeat(length);
        boolean accepted = length >= 1 && length <= DeviceBirth.MAX_TEXT;
        if (accepted) {
            DeviceBirth birth = birth(value, Optional.of(value), Optional.of(value), Optional.of(value), List.of());
            assertThat(birth.model()).isEqualTo(value);
            assertThat(birth.serialNumber()).contains(value);
            assertThat(birth.firmware()).contains(value);
            assertThat(birth.batterySku()).contains(value);
        } else {
            assertRefused(() -> withModel(value), "model");
            assertRefused(() -> birth("M", Optional.of(value), Optional.empty(), Optional.empty(), List.of()),
                    "serialNumber");
            assertRefused(() -> birth("M", Optional.empty(), Optional.of(value), Optional.empty(), List.of()),
                    "firmware");
            assertRefused(() -> birth("M", Optional.empty(), Optional.empty(), Optional.of(value), List.of()),
                    "batterySku");
        }
    }

    @Example
    void surroundingSpacesAreStripped() {
        DeviceBirth birth = birth(" SMT1500 ", Optional.of(" SN1 "), Optional.of("  15.2 "), Optional.of(" RBC7"),
                List.of());
        assertThat(birth.model()).isEqualTo("SMT1500");
        assertThat(birth.serialNumber()).contains("SN1");
        assertThat(birth.firmware()).contains("15.2");
        assertThat(birth.batterySku()).contains("RBC7");
    }

    @Example
    void aMissingOrBlankModelIsRefused() {
        assertRefused(() -> withModel(null), "model");
        assertRefused(() -> withModel("   "), "model");
    }

    @Property
    void controlCharactersAreRefusedInEveryTextField(@ForAll("controls") char control) {
        String value = "A" + control + "B";
        assertRefused(() -> withModel(value), "model");
        assertRefused(() -> birth("M", Optional.of(value), Optional.empty(), Optional.empty(), List.of()),
                "serialNumber");
        assertRefused(() -> birth("M", Optional.empty(), Optional.of(value), Optional.empty(), List.of()), "firmware");
        assertRefused(() -> birth("M", Optional.empty(), Optional.empty(), Optional.of(value), List.of()),
                "batterySku");
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'));
    }

    @Property
    void upTo16OutletGroupsAreAccepted(@ForAll @IntRange(min = 0, max = 20) int count) {
        List<String> groups = IntStream.range(0, count).mapToObj(i -> "G" + i).toList();
        if (count <= DeviceBirth.MAX_OUTLET_GROUPS) {
            assertThat(birth("M", Optional.empty(), Optional.empty(), Optional.empty(), groups).outletGroups())
                    .containsExactlyElementsOf(groups);
        } else {
            assertRefused(() -> birth("M", Optional.empty(), Optional.empty(), Optional.empty(), groups),
                    "outletGroups");
        }
    }

    @Property
    void outletGroupNamesAreOneTo16LettersDigitsUnderscoresOrDashes(@ForAll("groupNames") String name) {
        if (name.matches("[A-Za-z0-9_-]{1,16}")) {
            assertThat(birth("M", Optional.empty(), Optional.empty(), Optional.empty(), List.of("MAIN", name))
                    .outletGroups()).containsExactly("MAIN", name);
        } else {
            assertRefused(() -> birth("M", Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of("MAIN", name)), "outletGroups");
        }
    }

    @Provide
    Arbitrary<String> groupNames() {
        return Arbitraries.strings().withChars("aZ09_- .é/").ofMinLength(0).ofMaxLength(20);
    }

    @Example
    void theOutletGroupsCannotBeChangedAfterwards() {
        List<String> groups = new java.util.ArrayList<>(List.of("MAIN"));
        DeviceBirth birth = birth("M", Optional.empty(), Optional.empty(), Optional.empty(), groups);
        groups.add("OTHER");
        assertThat(birth.outletGroups()).containsExactly("MAIN");
    }

    @Example
    void absentOptionalsAndTheTimeAreRequired() {
        assertThatThrownBy(() -> birth("M", null, Optional.empty(), Optional.empty(), List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DeviceBirth("M", Optional.empty(), Optional.empty(), true, Optional.empty(),
                null, List.of(), AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DeviceBirth("M", Optional.empty(), Optional.empty(), true, Optional.empty(),
                Optional.empty(), List.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
