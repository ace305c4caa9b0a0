package com.smartconnect.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule run over {@code com.smartconnect.archfixture}, a small tree that breaks every rule: a rule must name
 * the very fixture class that breaks it. A rule that could not fail, or that failed for another reason than its
 * own, would not.
 */
class RulesCatchViolationsTest {

    private static final String FIXTURE_ROOT = "com.smartconnect.archfixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(FIXTURE_ROOT);
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE_ROOT);

    static Stream<Arguments> violations() {
        List<ArchRule> adapters = RULES.adaptersDoNotDependOnOneAnother();
        return Stream.of(
                arguments(RULES.domainDependsOnTheJdkOnly(), "domain.UsesJdbc"),
                arguments(RULES.applicationDependsOnDomainAndJakartaInjectOnly(), "application.Prints"),
                arguments(RULES.coreImportsNoFramework(), "domain.UsesJdbc"),
                arguments(RULES.nothingDependsOnBootstrap(), "domain.UsesJdbc"),
                arguments(RULES.timeComesFromTheInjectedClock(), "application.Prints"),
                arguments(RULES.timeComesFromTheInjectedClock(), "application.ReadsSystemTime"),
                arguments(RULES.timeComesFromTheInjectedClock(), "application.UsesSystemClock"),
                arguments(RULES.randomnessComesFromThePort(), "application.Prints"),
                arguments(RULES.randomnessComesFromThePort(), "domain.DrawsFromSecureRandom"),
                arguments(RULES.noCycles(), "domain.UsesJdbc"),
                arguments(RULES.domainContextsFormAHierarchy(), "domain.alarm.Alarm"),
                arguments(RULES.domainContextsFormAHierarchy(), "domain.site.Site"),
                arguments(RULES.applicationContextsFormAHierarchy(), "application.billing.BillingService"),
                arguments(RULES.applicationContextsFormAHierarchy(), "application.signup.SignUpService"),
                arguments(RULES.adaptersUseThePortsOnly(), "adapters.web.CallsService"),
                arguments(RULES.noStandardStreams(), "application.Prints"),
                arguments(RULES.noGenericExceptions(), "application.Prints"),
                arguments(RULES.noFieldInjection(), "application.DeviceManager"),
                arguments(RULES.namesSayWhatAThingIs(), "application.DeviceManager"),
                arguments(RULES.useCasesAreInterfaces(), "application.port.in.RebootUseCase"),
                arguments(RULES.inboundPortsTakeOneRecord(), "application.port.in.SilenceAlarmUseCase"),
                arguments(RULES.outboundPortsAreInterfaces(), "application.port.out.ConcretePort"),
                arguments(RULES.outboundPortsAreServedByAdapters(), "application.AcknowledgingService"),
                arguments(adapters.get(0), "adapters.persistence.CallsMail"),
                arguments(adapters.get(1), "adapters.mail.CallsPersistence"),
                arguments(adapters.get(2), "adapters.web.CallsPersistence"),
                arguments(adapters.get(3), "adapters.mqtt.CallsPersistence"));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @MethodSource("violations")
    void theRuleNamesTheClassThatBreaksIt(ArchRule rule, String fixtureClass) {
        var result = rule.evaluate(FIXTURE);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(FIXTURE_ROOT + "." + fixtureClass);
    }

    @Test
    void everyRuleHasAViolationCase() {
        Set<String> covered = violations().map(a -> ((ArchRule) a.get()[0]).getDescription()).collect(Collectors.toSet());
        assertThat(covered).containsAll(RULES.all().stream().map(ArchRule::getDescription).toList());
    }
}
