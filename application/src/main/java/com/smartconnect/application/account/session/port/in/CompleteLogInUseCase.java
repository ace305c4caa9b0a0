package com.smartconnect.application.account.session.port.in;

/** The second step of a login with two-factor authentication. */
public interface CompleteLogInUseCase {

    CompleteLogInResult complete(CompleteLogInCommand command);
}
