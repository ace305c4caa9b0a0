package com.smartconnect.application.account.registration.port.in;

/** Signs a person up: the first step, after which a 6-digit code is mailed to them. */
public interface SignUpUseCase {

    /** Checks every field, the captcha, and records the sign-up with the mail that carries its code. */
    SignUpResult signUp(SignUpCommand command);
}
