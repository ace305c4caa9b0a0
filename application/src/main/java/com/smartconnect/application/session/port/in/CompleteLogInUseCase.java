package com.smartconnect.application.session.port.in;

/** The second step of a login with two-factor authentication. */
public interface CompleteLogInUseCase {

    CompleteLogInResult complete(CompleteLogInCommand command);
}
