package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    private static final String KEY = "store-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e";

    @Test
    void theShorterConstructorsHaveNoIntegrations() {
        assertThat(new WebSettings("127.0.0.1", 8080).integrationKeys()).isEmpty();
        assertThat(new WebSettings("127.0.0.1", 8080, 1024).integrationKeys()).isEmpty();
        assertThat(new WebSettings("127.0.0.1", 8080).maxBodyBytes()).isEqualTo(WebSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void theKeysNeverShowInItsText() {
        WebSettings settings = new WebSettings("127.0.0.1", 8080, 1024,
                Map.of("store", KEY, "reseller-system", "rsys-0b8e6d4c2a9f7e5d3c1b0a8f6e4d2c9b"));

        assertThat(settings.toString()).contains("store").contains("reseller-system").doesNotContain(KEY)
                .doesNotContain("rsys-0b8e6d4c2a9f7e5d3c1b0a8f6e4d2c9b");
        assertThat(settings.integrationKeys()).containsEntry("store", KEY);
    }

    @Test
    void weakSharedOrUnusableKeysAndOddNamesAreRefusedWithoutShowingTheKey() {
        String shortKey = "short-key-0123456789";
        assertThatThrownBy(() -> new WebSettings("h", 1, 1, Map.of("store", shortKey)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new WebSettings("h", 1, 1, Map.of("store", KEY, "reseller", KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same key")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> new WebSettings("h", 1, 1, Map.of("store", KEY.replace('-', ' '))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebSettings("h", 1, 1, Map.of("the store", KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> new WebSettings("h", 1, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
