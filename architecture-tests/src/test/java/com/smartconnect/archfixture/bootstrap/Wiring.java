package com.smartconnect.archfixture.bootstrap;

/** The fixture's bootstrap, which the fixture's domain wrongly depends on. */
public class Wiring {
}
