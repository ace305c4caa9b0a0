package com.smartconnect.application.twofactor.port.in;

/** Turns two-factor authentication on with the first correct code. */
public interface ConfirmTwoFactorEnrolmentUseCase {

    ConfirmTwoFactorEnrolmentResult confirm(ConfirmTwoFactorEnrolmentCommand command);
}
