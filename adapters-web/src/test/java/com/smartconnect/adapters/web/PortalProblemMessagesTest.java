package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every refusal of the API's catalogue has its words in the portal's bundle, so a page never shows a bare code. */
class PortalProblemMessagesTest {

    @Test
    void everyProblemCodeHasItsTextInThePortalsBundle() {
        ResourceBundle bundle = ResourceBundle.getBundle("portal.messages", Locale.ROOT);
        assertThat(Arrays.stream(ProblemCode.values()).map(code -> "error." + code.name()))
                .allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
        assertThat(Arrays.stream(ProblemCode.values()).map(code -> bundle.getString("error." + code.name())))
                .allSatisfy(text -> assertThat(text).isNotBlank());
    }
}
