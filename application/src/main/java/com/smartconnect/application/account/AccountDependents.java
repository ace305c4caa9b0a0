package com.smartconnect.application.account;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;

/**
 * What another context keeps of an account and changes with it, inside the account's own transaction: the address it
 * writes to, and what must go when the account is deleted. The account context calls every implementation, so it
 * needs to know none of the contexts above it.
 */
public interface AccountDependents {

    /** The account's address changed from {@code before.email()} to {@code newEmail}. */
    default void emailChanged(Account before, EmailAddress newEmail) {
    }

    /** The account is being deleted: remove what this context keeps of it, before the account row goes. */
    default void erase(Account account) {
    }
}
