package com.smartconnect.application.session.port.in;

/** Sets a new password through a reset link, once. */
public interface ResetPasswordUseCase {

    ResetPasswordResult reset(ResetPasswordCommand command);
}
