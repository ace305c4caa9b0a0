package com.smartconnect.application.port.in;

/** Turns two-factor authentication on with the first correct code. */
public interface ConfirmTwoFactorEnrolmentUseCase {

    ConfirmTwoFactorEnrolmentResult confirm(ConfirmTwoFactorEnrolmentCommand command);
}
