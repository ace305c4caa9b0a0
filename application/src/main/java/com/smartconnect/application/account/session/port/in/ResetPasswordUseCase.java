package com.smartconnect.application.account.session.port.in;

/** Sets a new password through a reset link, once. */
public interface ResetPasswordUseCase {

    ResetPasswordResult reset(ResetPasswordCommand command);
}
