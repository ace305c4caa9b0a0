package com.smartconnect.archfixture.application;

/** Breaks: names say what a thing is (no Manager). Also field injection. */
public class DeviceManager {
    @jakarta.inject.Inject
    Prints prints;
}
