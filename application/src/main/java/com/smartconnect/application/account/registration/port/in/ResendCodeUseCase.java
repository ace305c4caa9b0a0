package com.smartconnect.application.account.registration.port.in;

/** Mails a new sign-up code, at most once a minute. */
public interface ResendCodeUseCase {

    ResendResult resend(ResendCodeCommand command);
}
