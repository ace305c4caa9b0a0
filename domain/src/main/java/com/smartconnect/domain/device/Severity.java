package com.smartconnect.domain.device;

/** How urgent a device event is, as the protocol's table of event types says. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
