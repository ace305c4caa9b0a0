package com.smartconnect.archfixture.application.port.out;

/** Breaks: an outbound port is an interface. */
public class ConcretePort {
}
