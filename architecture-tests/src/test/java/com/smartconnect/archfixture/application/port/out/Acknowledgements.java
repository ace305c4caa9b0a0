package com.smartconnect.archfixture.application.port.out;

/** An outbound port that {@link com.smartconnect.archfixture.application.AcknowledgingService} serves itself. */
public interface Acknowledgements {

    void acknowledged(String commandId);
}
