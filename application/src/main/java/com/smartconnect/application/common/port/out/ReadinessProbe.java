package com.smartconnect.application.common.port.out;

/** Something the service needs in order to answer requests, such as the database; readiness asks each of them. */
public interface ReadinessProbe {

    /** A short name for health reports, such as {@code database}. */
    String name();

    /** Whether it answers now; must return within a second or two and never throw. */
    boolean isReady();
}
