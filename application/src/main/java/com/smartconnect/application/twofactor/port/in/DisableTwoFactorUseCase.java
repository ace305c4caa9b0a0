package com.smartconnect.application.twofactor.port.in;

/** Turns two-factor authentication off. */
public interface DisableTwoFactorUseCase {

    DisableTwoFactorResult disable(DisableTwoFactorCommand command);
}
