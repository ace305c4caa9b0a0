package com.smartconnect.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;

class ContactDetailsProperties {

    @Property
    void sixToFifteenDigitsAreAPhoneNumber(@ForAll @NumericChars @StringLength(min = 6, max = 15) String digits) {
        assertThat(new PhoneNumber("  +" + digits + " ").value()).isEqualTo("+" + digits);
    }

    @Property
    void moreThanFifteenOrFewerThanSixDigitsAreNot(@ForAll @NumericChars @StringLength(min = 16, max = 30) String many,
            @ForAll @NumericChars @StringLength(min = 1, max = 5) String few) {
        assertThatThrownBy(() -> new PhoneNumber(many)).isInstanceOf(DomainViolation.class);
        assertThatThrownBy(() -> new PhoneNumber(few)).isInstanceOf(DomainViolation.class);
    }

    @Example
    void phoneNumbersAsPeopleWriteThem() {
        assertThat(new PhoneNumber("+33 1 23  45 67 89").value()).isEqualTo("+33 1 23 45 67 89");
        assertThat(new PhoneNumber("(555) 010-0199").value()).isEqualTo("(555) 010-0199");
        assertThatThrownBy(() -> new PhoneNumber("call me")).extracting("code").isEqualTo("INVALID_PHONE");
        assertThatThrownBy(() -> new PhoneNumber("+33 1 23 45 67 89 <script>")).extracting("code").isEqualTo("INVALID_PHONE");
    }

    @Example
    void onlySupportedLanguages() {
        assertThat(new Language(" FR ").tag()).isEqualTo("fr");
        assertThatThrownBy(() -> new Language("xx")).extracting("code").isEqualTo("INVALID_LANGUAGE");
    }
}
