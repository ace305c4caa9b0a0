package com.smartconnect.archfixture.application;

import java.time.Instant;
import java.util.UUID;

/** Breaks: no standard streams, no generic exceptions, no wall clock, no randomness but the port, and the names. */
public class Prints {
    com.smartconnect.archfixture.domain.UsesJdbc domain;
    com.google.common.base.Optional<String> notAllowedInApplication;

    void print() {
        System.out.println(Instant.now() + " " + UUID.randomUUID());
        throw new RuntimeException("generic");
    }
}
