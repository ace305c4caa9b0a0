package com.smartconnect.adapters.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test of a port contract that holds the database alone to it, and why: how its rows and columns look, how its
 * transactions lock, wait and roll back, what its constraints refuse. The in-memory fakes run one transaction at a
 * time and keep no tables, so they skip it; every other test of the contract runs on them as well.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseOnly.OnDatabasesOnly.class)
@interface DatabaseOnly {

    /** What of the database the test is about. */
    String value();

    /** Skips the test on the in-memory fakes. */
    final class OnDatabasesOnly implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean inMemory = context.getTestInstance().filter(PortContract.class::isInstance)
                    .map(instance -> ((PortContract) instance).ports).filter(Ports::inMemory).isPresent();
            String why = context.getTestMethod().map(m -> m.getAnnotation(DatabaseOnly.class))
                    .map(DatabaseOnly::value).orElse("");
            return inMemory ? ConditionEvaluationResult.disabled("about the database alone: " + why)
                    : ConditionEvaluationResult.enabled("a database");
        }
    }
}
