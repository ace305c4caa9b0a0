package com.smartconnect.application.account.port.in;

/**
 * The account of a session was deleted while a request of that session was under way (a double-clicked "Delete My
 * Account", say). For the caller the session is simply over: adapters answer as for an ended session.
 */
public final class AccountNoLongerExists extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNoLongerExists() {
        super("the account of this session no longer exists", null, false, false);
    }
}
