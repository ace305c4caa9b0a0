package com.smartconnect.application.account.port.in;

/** Completes an e-mail address change with the code mailed to the new address. */
public interface ConfirmEmailChangeUseCase {

    ConfirmEmailChangeResult confirm(ConfirmEmailChangeCommand command);
}
