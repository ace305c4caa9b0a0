package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.common.DomainViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceCatalogTest {

    private static final String SECRET = "s3cr3t-0123456789-abcdefghijklmnop";
    private static final String KEY = "7KQ2M9X4B1C8DZ";

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aManufacturedEntryKeepsOnlyTheHashesOfTheKeyAndTheSecret() throws Exception {
        CatalogEntry entry = CatalogEntry.manufactured(new ProductId("AS2104123456"), new ProductKey(KEY),
                new DeviceSecret(SECRET), " SMT1500RMI2UC ", "SN-1", "APCRBC133", LocalDate.of(2025, 3, 1),
                LocalDate.of(2028, 3, 1));
        assertThat(entry.productKeyHash().value()).isEqualTo(sha256(KEY));
        assertThat(entry.deviceSecretHash().value()).isEqualTo(sha256(SECRET));
        assertThat(entry.model()).isEqualTo("SMT1500RMI2UC");
        assertThat(entry.deviceSecretHash().matches(SECRET)).isTrue();
        assertThat(entry.deviceSecretHash().matches(KEY)).isFalse();
        assertThat(entry.deviceSecretHash().matches(null)).isFalse();
    }

    @Test
    void aCatalogEntryNeedsItsTexts() {
        MachineSecretHash hash = MachineSecretHash.of(new DeviceSecret(SECRET));
        assertThatThrownBy(() -> new CatalogEntry(new ProductId("AS2104123456"), hash, hash, " ", "SN", "RBC7",
                LocalDate.EPOCH, LocalDate.EPOCH)).isInstanceOf(DomainViolation.class).hasMessageContaining("model");
    }

    @Test
    void aHashIs64LowerCaseHexDigits() {
        String valid = "0123456789abcdef".repeat(4);
        assertThat(new MachineSecretHash(valid).value()).isEqualTo(valid);
        assertThatThrownBy(() -> new MachineSecretHash(valid.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecretHash(valid + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecretHash(valid.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecretHash("g" + valid.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecretHash(":" + valid.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printedHashesShowOnlyTheirBeginning() {
        MachineSecretHash hash = MachineSecretHash.of(new ProductKey(KEY));
        assertThat(hash.toString()).contains(hash.value().substring(0, 8)).doesNotContain(hash.value());
    }

    @Test
    void aDeviceSecretIs32To256PrintableAsciiCharactersWithoutSpaces() {
        assertThat(new DeviceSecret("a".repeat(32)).value()).hasSize(32);
        assertThat(new DeviceSecret("a".repeat(256)).value()).hasSize(256);
        assertThatThrownBy(() -> new DeviceSecret("a".repeat(31))).extracting(e -> ((DomainViolation) e).code())
                .isEqualTo(DeviceSecret.INVALID);
        assertThatThrownBy(() -> new DeviceSecret("a".repeat(257))).extracting(e -> ((DomainViolation) e).code())
                .isEqualTo(DeviceSecret.INVALID);
        assertThat(new DeviceSecret("!".repeat(16) + "~".repeat(16)).value()).startsWith("!").endsWith("~");
        assertThatThrownBy(() -> new DeviceSecret("a".repeat(31) + "\u007f")).isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> new DeviceSecret("a".repeat(31) + " ")).isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> new DeviceSecret("a".repeat(31) + "é")).isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> new DeviceSecret("")).extracting(e -> ((DomainViolation) e).code())
                .isEqualTo(DeviceSecret.REQUIRED);
    }

    @Test
    void secretsAreNeverPrintedButIdentifiersAre() {
        DeviceSecret secret = new DeviceSecret(SECRET);
        assertThat(secret.toString()).startsWith("DeviceSecret").doesNotContain(SECRET);
        assertThat(new ProductKey(KEY).toString()).startsWith("ProductKey").doesNotContain(KEY);
        assertThat(new ProductId("AS2104123456").toString()).isEqualTo("AS2104123456");
    }

    @Test
    void sensitivityIsReadInAnyCase() {
        assertThat(Sensitivity.parse(" high ")).isEqualTo(Sensitivity.HIGH);
        assertThat(Sensitivity.parse("Low")).isEqualTo(Sensitivity.LOW);
        assertThat(Sensitivity.parse("NORMAL")).isEqualTo(Sensitivity.NORMAL);
        assertThatThrownBy(() -> Sensitivity.parse("medium")).extracting(e -> ((DomainViolation) e).code())
                .isEqualTo(Sensitivity.INVALID);
        assertThatThrownBy(() -> Sensitivity.parse(null)).extracting(e -> ((DomainViolation) e).code())
                .isEqualTo(Sensitivity.INVALID);
    }

    @Test
    void onlyAnsweredOrExpiredCommandsAreSettled() {
        assertThat(DeviceCommandState.PENDING.isSettled()).isFalse();
        assertThat(DeviceCommandState.DELIVERED.isSettled()).isFalse();
        assertThat(DeviceCommandState.OK.isSettled()).isTrue();
        assertThat(DeviceCommandState.FAILED.isSettled()).isTrue();
        assertThat(DeviceCommandState.EXPIRED.isSettled()).isTrue();
    }

    @Test
    void anIssuedCommandIsPendingUntilItsTimeToLive() {
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        AccountId owner = new AccountId(UUID.randomUUID());
        DeviceCommand command = DeviceCommand.issue("cmd-1", new ProductId("AS2104123456"),
                DeviceCommandType.values()[0], "HIGH", owner, at, Duration.ofHours(24));
        assertThat(command.state()).isEqualTo(DeviceCommandState.PENDING);
        assertThat(command.issuedAt()).isEqualTo(at);
        assertThat(command.expiresAt()).isEqualTo(at.plus(Duration.ofHours(24)));
        assertThat(command.issuedBy()).isEqualTo(owner);
        assertThat(command.deliveredAt()).isEmpty();
        assertThat(command.settledAt()).isEmpty();
        assertThat(command.message()).isEmpty();
    }

    @Test
    void theOfflineGraceIsPositiveAndALostDeviceIsOneSilentForLonger() {
        Instant now = Instant.parse("2026-11-20T08:00:00Z");
        assertThat(OfflineGrace.DEFAULT.disconnectedBefore(now)).isEqualTo(now.minus(Duration.ofMinutes(10)));
        assertThat(OfflineGrace.DEFAULT.unseenBefore(now)).isEqualTo(now.minus(Duration.ofMinutes(12)));
        assertThat(new OfflineGrace(Duration.ofSeconds(1)).disconnectedBefore(now)).isEqualTo(now.minusSeconds(1));
        assertThatThrownBy(() -> new OfflineGrace(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfflineGrace(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKnownBatteryLastsItsTableLifeAndAnyOtherTheDefault() {
        LocalDate installed = LocalDate.of(2024, 2, 29);
        assertThat(BatteryLife.replaceBy("APCRBC123", installed)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(BatteryLife.replaceBy(" apcrbc141 ", installed)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(BatteryLife.replaceBy("UNKNOWN-SKU", installed)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(BatteryLife.of(null)).isEqualTo(BatteryLife.DEFAULT);
        assertThat(BatteryLife.replaceBy(Optional.of("RBC7"), Optional.of(installed)))
                .contains(LocalDate.of(2027, 2, 28));
        assertThat(BatteryLife.replaceBy(Optional.empty(), Optional.of(installed)))
                .contains(LocalDate.of(2028, 2, 29));
        assertThat(BatteryLife.replaceBy(Optional.of("RBC7"), Optional.empty())).isEmpty();
    }
}
