package com.smartconnect.archfixture.application.port.in;

import java.time.Duration;

/** Breaks: a state change of an inbound port takes one command record, not loose parameters. */
public interface SilenceAlarmUseCase {

    void silence(String productId, Duration duration);
}
