package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the configuration: every setting, with its default. */
class ReadmeTest {

    @Test
    void theConfigurationTableListsEverySettingWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Configuration.Key key : Configuration.Key.values()) {
            String defaultValue = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(readme).as("README row of %s", key).contains("| `" + key.name() + "` | " + defaultValue + " |");
        }
    }
}
