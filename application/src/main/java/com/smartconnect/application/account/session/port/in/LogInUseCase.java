package com.smartconnect.application.account.session.port.in;

/** Logs a person in with e-mail address and password, which starts a session. */
public interface LogInUseCase {

    LogInResult logIn(LogInCommand command);
}
