package com.smartconnect.archfixture.application;

import java.time.Clock;

/** Breaks: time comes from the injected clock (Clock.systemUTC). */
public class UsesSystemClock {
    Clock clock() {
        return Clock.systemUTC();
    }
}
