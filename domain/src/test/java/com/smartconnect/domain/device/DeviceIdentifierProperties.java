package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class DeviceIdentifierProperties {

    @Property
    void everyTwelveLettersAndDigitsAreAProductId(@ForAll("productIds") String value) {
        assertThat(new ProductId(value).value()).isEqualTo(value);
        assertThat(ProductId.isValid(value)).isTrue();
    }

    @Property
    void typedProductIdsAreNormalisedWhateverTheSpacesDashesAndCase(@ForAll("productIds") String value,
            @ForAll("separators") java.util.List<String> separators) {
        StringBuilder typed = new StringBuilder("  ");
        for (int i = 0; i < value.length(); i++) {
            typed.append(i % 2 == 0 ? Character.toLowerCase(value.charAt(i)) : value.charAt(i));
            typed.append(separators.get(i % separators.size()));
        }
        typed.append(" \t");
        assertThat(DeviceLabel.productId(typed.toString())).isEqualTo(new ProductId(value));
    }

    @Property
    void typedProductKeysAreNormalised(@ForAll("productKeys") String value) {
        String typed = " " + value.substring(0, 5).toLowerCase() + "-" + value.substring(5, 9) + " " + value.substring(9) + " ";
        assertThat(DeviceLabel.productKey(typed).value()).isEqualTo(value);
    }

    @Property
    void anythingButTwelveLettersAndDigitsIsRefusedNamingTheProductId(@ForAll @StringLength(max = 30) String text) {
        Assume.that(!ProductId.isValid(DeviceLabel.normalise(text)));
        assertThatThrownBy(() -> DeviceLabel.productId(text)).isInstanceOf(DomainViolation.class)
                .hasMessageContaining("Product ID");
    }

    @Property
    void anythingButFourteenLettersAndDigitsIsRefusedNamingTheProductKey(@ForAll @StringLength(max = 30) String text) {
        String normalised = DeviceLabel.normalise(text);
        Assume.that(!normalised.matches("[A-Z0-9]{14}"));
        assertThatThrownBy(() -> DeviceLabel.productKey(text)).isInstanceOf(DomainViolation.class)
                .hasMessageContaining("Product Key");
    }

    @Property
    void theExactFormIsNotNormalised(@ForAll("productIds") String value) {
        assertThatThrownBy(() -> new ProductId(" " + value)).isInstanceOf(DomainViolation.class)
                .extracting("code").isEqualTo(ProductId.INVALID);
        assertThatThrownBy(() -> new ProductId(value.toLowerCase().replaceAll("[0-9]", "a")))
                .isInstanceOf(DomainViolation.class);
    }

    @Property
    void aSecretMatchesItsHashAndNoOtherSecretDoes(@ForAll("secrets") String secret, @ForAll("secrets") String other) {
        Assume.that(!secret.equals(other));
        MachineSecretHash hash = MachineSecretHash.of(new DeviceSecret(secret));
        assertThat(hash.matches(secret)).isTrue();
        assertThat(hash.matches(other)).isFalse();
        assertThat(hash.value()).doesNotContain(secret);
    }

    @Example
    void missingValuesAreRefusedAsRequired() {
        assertThatThrownBy(() -> DeviceLabel.productId("  ")).extracting("code").isEqualTo(ProductId.REQUIRED);
        assertThatThrownBy(() -> DeviceLabel.productKey(null)).extracting("code").isEqualTo(ProductKey.REQUIRED);
        assertThatThrownBy(() -> new DeviceSecret("short")).extracting("code").isEqualTo(DeviceSecret.INVALID);
        assertThatThrownBy(() -> new DeviceSecret("a secret with spaces that is long enough!!"))
                .extracting("code").isEqualTo(DeviceSecret.INVALID);
    }

    @Example
    void theProtocolsExamplesAreValid() {
        assertThat(DeviceLabel.productId("as21-0412-3456").value()).isEqualTo("AS2104123456");
        assertThat(DeviceLabel.productKey("7KQ2 M9X4 B1C8 DZ").value()).isEqualTo("7KQ2M9X4B1C8DZ");
        assertThat(new ProductKey("7KQ2M9X4B1C8DZ").toString()).doesNotContain("7KQ2");
    }

    @Example
    void eventTypesHaveTheProtocolsSeveritiesAndUnknownOnesAreInfo() {
        assertThat(DeviceEventType.severityOf("ON_BATTERY")).isEqualTo(Severity.WARNING);
        assertThat(DeviceEventType.severityOf("BATTERY_LOW")).isEqualTo(Severity.CRITICAL);
        assertThat(DeviceEventType.severityOf("SOMETHING_NEW")).isEqualTo(Severity.INFO);
        assertThatThrownBy(() -> DeviceEvent.reported(new ProductId("AS2104123456"), "e1", "COMMUNICATION_LOST",
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, "{}")).isInstanceOf(DomainViolation.class);
    }

    @Provide
    Arbitrary<String> productIds() {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> productKeys() {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(14);
    }

    @Provide
    Arbitrary<java.util.List<String>> separators() {
        return Arbitraries.of("", " ", "-", "--", " - ").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(32).ofMaxLength(64);
    }
}
