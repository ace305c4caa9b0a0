package com.smartconnect.application.account.port.in;

/**
 * Deletes the logged-in user's account for good: personal data, sessions, reset links and sign-ups; the company goes
 * with its last member. Nothing of the person remains but a record, without personal data, that an account was
 * deleted at that time. It cannot be undone.
 */
public interface DeleteAccountUseCase {

    DeleteAccountResult delete(DeleteAccountCommand command);
}
