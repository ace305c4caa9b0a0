package com.smartconnect.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * The rules of docs/architecture.md as ArchUnit rules over a root package, so that the same rules run over the product
 * ({@code com.smartconnect}) and over deliberately broken fixtures (to prove that each rule fails when broken).
 * Every rule says which rule of the architecture it is and why it holds.
 */
final class ArchitectureRules {

    /** What domain and application must not touch: frameworks, JDBC and the other adapters' libraries. */
    private static final String[] FRAMEWORKS = {
        "io.vertx..", "io.netty..", "org.jooq..", "java.sql..", "javax.sql..", "jakarta.mail..", "com.google.inject..",
        "com.google.common..", "com.github.benmanes.caffeine..", "com.fasterxml.jackson..", "com.zaxxer..",
        "org.flywaydb..", "org.slf4j..", "ch.qos.logback..", "com.password4j..", "com.samskivert..",
        "jakarta.ws..", "javax.inject.."};

    private static final List<String> ADAPTERS = List.of("persistence", "mail", "web", "mqtt");

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String layer) {
        return root + "." + layer + "..";
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..")
                .because("docs/architecture.md: domain is plain Java 21 and depends on the JDK only");
    }

    ArchRule applicationDependsOnDomainAndJakartaInjectOnly() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(pkg("application"), pkg("domain"), "java..", "jakarta.inject..")
                .because("docs/architecture.md: application may depend on domain and jakarta.inject, and nothing else");
    }

    ArchRule coreImportsNoFramework() {
        return noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("docs/architecture.md: domain and application import no framework (Vert.x, jOOQ, JDBC, Jakarta Mail, "
                        + "Guice, Caffeine, Jackson), so the core can be reused with any adapter");
    }

    List<ArchRule> adaptersDoNotDependOnOneAnother() {
        return ADAPTERS.stream().map(adapter -> noClasses().that().resideInAPackage(pkg("adapters." + adapter))
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.stream()
                        .filter(other -> !other.equals(adapter)).map(other -> pkg("adapters." + other))
                        .toArray(String[]::new))
                .because("docs/architecture.md: adapters do not depend on one another; they meet only through the "
                        + "application's ports")).toList();
    }

    ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("docs/architecture.md: only bootstrap knows every module, and nothing depends on bootstrap");
    }

    ArchRule timeComesFromTheInjectedClock() {
        return noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().callMethodWhere(describe("a read of the wall clock", call ->
                        call.getTarget().getName().equals("now")
                                && call.getTarget().getOwner().getPackageName().equals("java.time")
                        || call.getTarget().getName().equals("currentTimeMillis")
                                && call.getTarget().getOwner().isEquivalentTo(System.class)
                        || call.getTarget().getName().equals("nanoTime")
                                && call.getTarget().getOwner().isEquivalentTo(System.class)
                        || call.getTarget().getName().startsWith("system")
                                && call.getTarget().getOwner().isEquivalentTo(java.time.Clock.class)))
                .because("docs/architecture.md: time comes from an injected java.time.Clock, so every rule about days and "
                        + "windows is testable by moving a clock");
    }

    ArchRule randomnessComesFromThePort() {
        return noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().dependOnClassesThat().belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class,
                        java.util.concurrent.ThreadLocalRandom.class)
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(Math.class, "random")
                .because("docs/architecture.md: randomness (codes, tokens) comes from a port backed by SecureRandom");
    }

    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("modules and their packages form a hierarchy");
    }

    ArchRule domainContextsFormAHierarchy() {
        return slices().matching(root + ".domain.(*)..").namingSlices("domain context $1").should().beFreeOfCycles()
                .because("docs/architecture.md: a domain context can be read, tested and changed without the ones that "
                        + "use it; what two contexts share goes to domain.common");
    }

    ArchRule applicationContextsFormAHierarchy() {
        return slices().matching(root + ".application.(*)..").namingSlices("application context $1").should()
                .beFreeOfCycles()
                .because("docs/architecture.md: an application context sees the whole of its feature in one package, and "
                        + "depends on the contexts below it only; what several share goes to application.common");
    }

    ArchRule adaptersUseThePortsOnly() {
        return noClasses().that().resideInAPackage(pkg("adapters"))
                .should().dependOnClassesThat(resideInAPackage(pkg("application")).and(not(resideInAPackage(
                        root + ".application..port.."))).as("application classes outside the ports"))
                .because("docs/architecture.md: adapters drive the application through its inbound ports and serve its "
                        + "outbound ports; services are wired in bootstrap, so a service can change without an adapter");
    }

    ArchRule noStandardStreams() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("logs go through System.Logger, where they can be configured and filtered");
    }

    ArchRule noGenericExceptions() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
                .because("a refusal has a type and a code that callers can map, not a bare RuntimeException");
    }

    ArchRule noFieldInjection() {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
                .because("dependencies arrive through constructors, so every service can be built by hand in tests");
    }

    ArchRule namesSayWhatAThingIs() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Impl")
                .because("docs/architecture.md: names say what a thing is in the words of the portal");
    }

    ArchRule useCasesAreInterfaces() {
        return classes().that().resideInAPackage(root + ".application..port.in..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces()
                .because("docs/architecture.md: one use case, one inbound port (an interface) with a command record");
    }

    ArchRule inboundPortsTakeOneRecord() {
        ArchCondition<JavaMethod> atMostOneParameter = new ArchCondition<>("take at most one parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                int parameters = method.getRawParameterTypes().size();
                if (parameters > 1) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " takes " + parameters + " parameters"));
                }
            }
        };
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + ".application..port.in..")
                .and().areDeclaredInClassesThat().areInterfaces()
                .and().areNotStatic().and().areNotPrivate()
                .should(atMostOneParameter)
                .because("docs/architecture.md: every state change is one inbound method with a command record, and a"
                        + " query takes a criteria record or a single value (a token, an id), so a use case's"
                        + " parameters are named, validated once and can grow without changing its callers");
    }

    ArchRule outboundPortsAreInterfaces() {
        // Top-level types only: a value a port returns may be a record nested in it (LoginFailures.Recent). The
        // values a port carries (records and enums, such as OutgoingMail) live beside it.
        return classes().that().resideInAPackage(root + ".application..port.out..").and().arePublic()
                .and().areTopLevelClasses().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .and().areNotEnums().and(not(assignableTo(Record.class)))
                .should().beInterfaces()
                .because("docs/architecture.md: outbound ports are plain interfaces implemented by adapters");
    }

    ArchRule outboundPortsAreServedByAdapters() {
        // The values a port carries may implement its sealed types (SendOutcome.Sent): they live in port.out too.
        return noClasses().that().resideInAPackage(root + ".application..")
                .and().resideOutsideOfPackage(root + ".application..port.out..")
                .should().implement(resideInAPackage(root + ".application..port.out.."))
                .because("docs/architecture.md: an outbound port is what an adapter serves; a collaboration between"
                        + " the application's own classes (CommandAcknowledgements) is declared in its context, not"
                        + " in port.out");
    }

    /** Every rule, for the product and for the fixtures alike. */
    List<ArchRule> all() {
        var rules = new java.util.ArrayList<ArchRule>(List.of(domainDependsOnTheJdkOnly(),
                applicationDependsOnDomainAndJakartaInjectOnly(), coreImportsNoFramework(), nothingDependsOnBootstrap(),
                timeComesFromTheInjectedClock(), randomnessComesFromThePort(), noCycles(), domainContextsFormAHierarchy(),
                applicationContextsFormAHierarchy(), adaptersUseThePortsOnly(), noStandardStreams(),
                noGenericExceptions(), noFieldInjection(), namesSayWhatAThingIs(), useCasesAreInterfaces(),
                inboundPortsTakeOneRecord(), outboundPortsAreInterfaces(), outboundPortsAreServedByAdapters()));
        rules.addAll(adaptersDoNotDependOnOneAnother());
        return rules;
    }
}
