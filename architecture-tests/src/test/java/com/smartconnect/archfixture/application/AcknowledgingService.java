package com.smartconnect.archfixture.application;

import com.smartconnect.archfixture.application.port.out.Acknowledgements;

/** Breaks: the application implements one of its own outbound ports, a collaboration passed off as a port. */
public class AcknowledgingService implements Acknowledgements {

    @Override
    public void acknowledged(String commandId) {
    }
}
