package com.smartconnect.domain.registration;

/** Where a sign-up stands. */
public enum RegistrationStatus {
    /** The code was mailed and not yet entered. */
    PENDING,
    /** The code was entered and the account exists. */
    VERIFIED
}
