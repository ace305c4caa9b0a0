package com.smartconnect.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of docs/architecture.md over every module of the product. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.smartconnect");

    static List<ArchRule> rules() {
        return new ArchitectureRules("com.smartconnect").all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProductFollowsTheRule(ArchRule rule) {
        rule.check(PRODUCT);
    }

    /** A rule over a package that does not exist passes silently; so each layer must hold classes. */
    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "application..port.in", "application..port.out", "adapters.persistence",
        "adapters.mail", "adapters.web", "adapters.mqtt", "bootstrap"})
    void everyLayerHoldsClasses(String layer) {
        assertThat(PRODUCT.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                .resideInAPackage("com.smartconnect." + layer + "..")))
                .as("classes in com.smartconnect.%s", layer).isNotEmpty();
    }

    @Test
    void everyPublicTypeOfTheApplicationHasJavadoc() throws IOException {
        Path sources = Path.of("..", "application", "src", "main", "java");
        Pattern publicType = Pattern.compile("^public (final |sealed |abstract )*(class|interface|record|enum) ", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> javaFiles = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(javaFiles).isNotEmpty();
            for (Path file : javaFiles) {
                String source = Files.readString(file);
                var matcher = publicType.matcher(source);
                if (matcher.find()) {
                    String before = source.substring(0, matcher.start()).stripTrailing();
                    assertThat(before).as("docs/architecture.md: Javadoc on every public type of application (%s)", file)
                            .endsWith("*/");
                }
            }
        }
    }
}
