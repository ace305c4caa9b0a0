package com.smartconnect.application.account.twofactor.port.in;

/** Starts turning on two-factor authentication; a new start replaces an unconfirmed one. */
public interface StartTwoFactorEnrolmentUseCase {

    StartTwoFactorEnrolmentResult start(StartTwoFactorEnrolmentCommand command);
}
