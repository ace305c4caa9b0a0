package com.smartconnect.application.account.twofactor.port.in;

/** Turns two-factor authentication off. */
public interface DisableTwoFactorUseCase {

    DisableTwoFactorResult disable(DisableTwoFactorCommand command);
}
