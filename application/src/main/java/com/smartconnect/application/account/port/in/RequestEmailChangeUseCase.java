package com.smartconnect.application.account.port.in;

/** Starts an e-mail address change: a code to the new address, a notice to the current one. */
public interface RequestEmailChangeUseCase {

    RequestEmailChangeResult request(RequestEmailChangeCommand command);
}
