package com.smartconnect.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class EmailAddressProperties {

    @Property
    void wellFormedAddressesAreAcceptedAndNormalised(@ForAll("addresses") String address) {
        EmailAddress email = new EmailAddress("  " + address.toUpperCase() + " ");
        assertThat(email.value()).isEqualTo(address.toLowerCase());
        assertThat(email.localPart() + "@" + email.domain()).isEqualTo(email.value());
    }

    @Property
    void textWithoutAnAtSignIsAlwaysRefusedAsInvalid(@ForAll @StringLength(min = 1, max = 80) String text) {
        net.jqwik.api.Assume.that(!text.isBlank() && !text.contains("@"));
        assertThatThrownBy(() -> new EmailAddress(text)).isInstanceOf(DomainViolation.class)
                .hasMessage(EmailAddress.INVALID_MESSAGE).extracting("code").isEqualTo("INVALID_EMAIL");
    }

    @Example
    void blankIsRefusedAsMissingWithThePortalsMessage() {
        assertThatThrownBy(() -> new EmailAddress("  ")).hasMessage("Please enter email address")
                .extracting("code").isEqualTo("EMAIL_REQUIRED");
    }

    @Example
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"a@b", "a@@b.com", "a@b..com", ".a@b.com", "a.@b.com", "a b@c.com", "a@-b.com",
                "a@b.c", "a@b.123", "x".repeat(65) + "@b.com", "a@" + "b".repeat(250) + ".com"}) {
            assertThatThrownBy(() -> new EmailAddress(bad)).as(bad).isInstanceOf(DomainViolation.class);
        }
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("_+-")
                .ofMinLength(1).ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> top = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(local, label, top).as((l, d, t) -> l + "@" + d + "." + t);
    }
}
