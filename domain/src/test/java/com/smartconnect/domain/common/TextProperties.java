package com.smartconnect.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TextProperties {

    private static String code(Throwable thrown) {
        return ((DomainViolation) thrown).code();
    }

    @Property
    void aValueIsTrimmedAndAcceptedUpToItsLimit(@ForAll @IntRange(min = 1, max = 30) int length,
            @ForAll @IntRange(min = 0, max = 3) int padding, @ForAll @IntRange(min = 1, max = 25) int max) {
        String value = "é".repeat(length);
        String typed = " ".repeat(padding) + value + "\t".repeat(padding);
        if (length <= max) {
            assertThat(Text.required(typed, max, "the city")).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> Text.required(typed, max, "the city")).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(Text.TOO_LONG))
                    .hasMessage("The city must be at most " + max + " characters long.");
        }
    }

    @Example
    void messagesStartWithTheLabelWhetherOrNotItHasItsArticle() {
        assertThatThrownBy(() -> Text.required("x".repeat(11), 10, "first name"))
                .hasMessage("The first name must be at most 10 characters long.");
        assertThatThrownBy(() -> Text.required("a\u0001b", 10, "the zip code"))
                .hasMessage("The zip code contains characters that are not allowed.");
        assertThatThrownBy(() -> Text.required("a\u0001b", 10, "job role"))
                .hasMessage("The job role contains characters that are not allowed.");
        assertThatThrownBy(() -> Text.required(" ", 10, "the city")).hasMessage("Please enter the city.");
    }

    @Example
    void aMissingOrBlankValueIsRequired() {
        for (String missing : new String[] {null, "", "   ", "\t\n"}) {
            assertThatThrownBy(() -> Text.required(missing, 10, "your city")).isInstanceOf(DomainViolation.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(Text.REQUIRED))
                    .hasMessage("Please enter your city.");
        }
    }

    @Property
    void innerControlCharactersAreRefused(@ForAll("controls") char control) {
        assertThatThrownBy(() -> Text.required("Pa" + control + "ris", 10, "the city"))
                .isInstanceOf(DomainViolation.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(Text.INVALID));
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'));
    }

    @Example
    void aViolationCarriesItsCodeAndMessage() {
        DomainViolation violation = new DomainViolation("SOME_CODE", "Some message.");
        assertThat(violation.code()).isEqualTo("SOME_CODE");
        assertThat(violation).hasMessage("Some message.");
    }
}
