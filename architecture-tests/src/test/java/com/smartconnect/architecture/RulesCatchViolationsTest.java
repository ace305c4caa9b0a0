package com.smartconnect.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule run over {@code com.smartconnect.archfixture}, a small tree that breaks every rule once: a rule that
 * could not fail would pass here too, and this test would catch it.
 */
class RulesCatchViolationsTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("com.smartconnect.archfixture");

    static List<ArchRule> rules() {
        return new ArchitectureRules("com.smartconnect.archfixture").all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRuleFailsOnItsViolation(ArchRule rule) {
        assertThat(rule.evaluate(FIXTURE).hasViolation()).as(rule.getDescription()).isTrue();
    }
}
