package com.smartconnect.application.account.registration.port.in;

/** Verifies a sign-up with the code that was mailed, which creates and activates the account. */
public interface VerifyRegistrationUseCase {

    VerificationResult verify(VerifyRegistrationCommand command);
}
