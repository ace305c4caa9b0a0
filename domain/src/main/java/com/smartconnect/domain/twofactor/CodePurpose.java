package com.smartconnect.domain.twofactor;

/**
 * What a mailed two-factor code is for. A code works only for the purpose it was mailed for: the code of a login
 * cannot turn two-factor authentication off or delete the account.
 */
public enum CodePurpose {
    /** The second step of a login. */
    LOGIN,
    /** Confirms that e-mail codes reach the person, before two-factor authentication by e-mail is turned on. */
    ENROLMENT,
    /** Confirms turning two-factor authentication off, or deleting the account. */
    CONFIRMATION
}
