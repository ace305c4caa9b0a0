package com.smartconnect.application.account.port.in;

/** Changes the password of the logged-in user, which ends their other sessions. */
public interface ChangePasswordUseCase {

    ChangePasswordResult change(ChangePasswordCommand command);
}
