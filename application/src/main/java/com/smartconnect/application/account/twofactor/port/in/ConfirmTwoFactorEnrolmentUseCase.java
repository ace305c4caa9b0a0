package com.smartconnect.application.account.twofactor.port.in;

/** Turns two-factor authentication on with the first correct code. */
public interface ConfirmTwoFactorEnrolmentUseCase {

    ConfirmTwoFactorEnrolmentResult confirm(ConfirmTwoFactorEnrolmentCommand command);
}
