package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeviceRegistrationProperties {

    private static final ProductId DEVICE = new ProductId("AS2104123456");
    private static final AccountId OWNER = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final CompanyId COMPANY = new CompanyId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private static final Instant AT = Instant.parse("2026-11-20T08:16:30Z");

    private static DeviceRegistration registered() {
        return DeviceRegistration.registered(DEVICE, OWNER, COMPANY, AT);
    }

    private static String code(Throwable thrown) {
        return ((DomainViolation) thrown).code();
    }

    @Example
    void aNewlyRegisteredDeviceHasNoNameIsOnUtcWithNotificationsAndNormalSensitivity() {
        DeviceRegistration registration = registered();
        assertThat(registration.productId()).isEqualTo(DEVICE);
        assertThat(registration.owner()).isEqualTo(OWNER);
        assertThat(registration.company()).isEqualTo(COMPANY);
        assertThat(registration.registeredAt()).isEqualTo(AT);
        assertThat(registration.name()).isEmpty();
        assertThat(registration.description()).isEmpty();
        assertThat(registration.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(registration.notifications()).isTrue();
        assertThat(registration.sensitivity()).isEqualTo(Sensitivity.NORMAL);
    }

    @Property
    void aNameOfUpTo64CharactersIsKeptTrimmedAndALongerOneIsRefused(@ForAll @IntRange(min = 1, max = 80) int length,
            @ForAll @IntRange(min = 0, max = 3) int padding) {
        String name = "n".repeat(length);
        String typed = " ".repeat(padding) + name + " ".repeat(padding);
        if (length <= DeviceRegistration.MAX_NAME) {
            DeviceRegistration changed = registered().withProfile(Optional.of(typed), Optional.empty(),
                    ZoneOffset.UTC, true);
            assertThat(changed.name()).contains(name);
        } else {
            assertThatThrownBy(() -> registered().withProfile(Optional.of(typed), Optional.empty(), ZoneOffset.UTC,
                    true)).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_TOO_LONG"))
                    .hasMessage("The UPS name must be at most 64 characters long.");
        }
    }

    @Property
    void aDescriptionOfUpTo500CharactersIsKeptAndALongerOneIsRefused(
            @ForAll @IntRange(min = 400, max = 600) int length) {
        String description = "d".repeat(length);
        if (length <= DeviceRegistration.MAX_DESCRIPTION) {
            assertThat(registered().withProfile(Optional.empty(), Optional.of(" " + description + "\n"),
                    ZoneOffset.UTC, true).description()).contains(description);
        } else {
            assertThatThrownBy(() -> registered().withProfile(Optional.empty(), Optional.of(description),
                    ZoneOffset.UTC, true)).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_TOO_LONG"))
                    .hasMessageContaining("UPS description").hasMessageContaining("500");
        }
    }

    @Property
    void controlCharactersAreRefusedButLineBreaksAreKept(@ForAll("controls") char control) {
        String name = "UPS" + control + "1";
        String description = "First floor" + control + "rack 2";
        if (control == '\n') {
            DeviceRegistration changed = registered().withProfile(Optional.of(name), Optional.of(description),
                    ZoneOffset.UTC, true);
            assertThat(changed.name()).contains(name);
            assertThat(changed.description()).contains(description);
        } else {
            assertThatThrownBy(() -> registered().withProfile(Optional.of(name), Optional.empty(), ZoneOffset.UTC,
                    true)).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_INVALID"))
                    .hasMessage("The UPS name contains characters that are not allowed.");
            assertThatThrownBy(() -> registered().withProfile(Optional.empty(), Optional.of(description),
                    ZoneOffset.UTC, true)).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_INVALID"))
                    .hasMessageContaining("UPS description");
        }
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'));
    }

    @Example
    void aNameMayBeAnyPrintableTextIncludingAccents() {
        assertThat(registered().withProfile(Optional.of("Onduleur salle réseau"), Optional.empty(), ZoneOffset.UTC,
                true).name()).contains("Onduleur salle réseau");
    }

    @Property
    void aProfileChangeReplacesTheProfileAndKeepsEverythingElse(@ForAll boolean notifications,
            @ForAll Sensitivity sensitivity) {
        DeviceRegistration before = registered().withSensitivity(sensitivity);
        ZoneId paris = ZoneId.of("Europe/Paris");
        DeviceRegistration after = before.withProfile(Optional.of("Server room"), Optional.of("Rack 4"), paris,
                notifications);
        assertThat(after).isEqualTo(new DeviceRegistration(DEVICE, OWNER, COMPANY, AT, Optional.of("Server room"),
                Optional.of("Rack 4"), paris, notifications, sensitivity));
    }

    @Property
    void aSensitivityChangeKeepsTheProfile(@ForAll Sensitivity sensitivity, @ForAll boolean notifications) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        DeviceRegistration before = registered().withProfile(Optional.of("Lab"), Optional.of("Bench"), tokyo,
                notifications);
        assertThat(before.withSensitivity(sensitivity)).isEqualTo(new DeviceRegistration(DEVICE, OWNER, COMPANY, AT,
                Optional.of("Lab"), Optional.of("Bench"), tokyo, notifications, sensitivity));
    }

    @Property
    void everyRegionZoneOfTheJdkIsAccepted(@ForAll("regionZones") String id) {
        assertThat(DeviceRegistration.timeZone(id)).isEqualTo(ZoneId.of(id));
    }

    @Provide
    Arbitrary<String> regionZones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/")).sorted().toList());
    }

    @Example
    void utcIsAcceptedAndSurroundingSpacesAreIgnored() {
        assertThat(DeviceRegistration.timeZone("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(DeviceRegistration.timeZone(" Europe/London ")).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Property
    void offsetsAbbreviationsAndUnknownRegionsAreRefused(
            @ForAll("notIanaZones") String id) {
        assertThatThrownBy(() -> DeviceRegistration.timeZone(id)).isInstanceOf(DomainViolation.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(DeviceRegistration.INVALID_TIME_ZONE));
    }

    @Provide
    Arbitrary<String> notIanaZones() {
        return Arbitraries.of("", "   ", "+01:00", "Z", "GMT", "CET", "Europe", "Europe/Atlantis", "Mars/Olympus",
                "Europe/Paris/", "/");
    }

    @Example
    void noTimeZoneIsRefusedAsAViolation() {
        assertThatThrownBy(() -> DeviceRegistration.timeZone(null)).isInstanceOf(DomainViolation.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(DeviceRegistration.INVALID_TIME_ZONE));
    }
}
