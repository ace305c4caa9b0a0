package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from the wire as they go into log lines. */
class LogTextTest {

    @Test
    void everyKindOfLineBreakAndBidirectionalControlIsEscapedAndABackslashDoubled() {
        assertThat(LogText.of("a\nb\rc\td\\n\u0085e\u2028f\u2029g\u202eh\u0000i\u001bj"))
                .isEqualTo("a\\nb\\rc\\td\\\\n\\u0085e\\u2028f\\u2029g\\u202eh\\u0000i\\u001bj");
        assertThat(LogText.of("ups/AS2104123456/status é ü 😀")).isEqualTo("ups/AS2104123456/status é ü 😀");
        assertThat(LogText.of(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndItsLengthGiven() {
        assertThat(LogText.of("x".repeat(100_000))).isEqualTo("x".repeat(LogText.MAX_CHARS) + "... (100000 characters)");
        assertThat(LogText.of("x".repeat(LogText.MAX_CHARS))).isEqualTo("x".repeat(LogText.MAX_CHARS));
    }
}
