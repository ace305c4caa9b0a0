package com.smartconnect.archfixture.application.port.in;

/** Breaks: a use case is an interface. */
public class RebootUseCase {
}
