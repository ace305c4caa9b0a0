package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table of docs/configuration.md is the configuration: every setting, with its default. */
class ConfigurationDocumentTest {

    @Test
    void theConfigurationTableListsEverySettingWithItsDefault() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (Configuration.Key key : Configuration.Key.values()) {
            String defaultValue = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(document).as("docs/configuration.md row of %s", key)
                    .contains("| `" + key.name() + "` | " + defaultValue + " |");
        }
    }
}
