package com.smartconnect.application.account.registration.port.in;

import com.smartconnect.domain.account.AccountId;

/** The answer to entering a sign-up code. */
public sealed interface VerificationResult {

    /** The code was right: the account exists and is active. */
    record Verified(AccountId accountId) implements VerificationResult {
    }

    /** The code is not six digits; the try does not count. */
    record MalformedCode() implements VerificationResult {
    }

    /** The code was wrong; {@code attemptsLeft} tries remain for it. */
    record WrongCode(int attemptsLeft) implements VerificationResult {
    }

    /** The code is older than 15 minutes: a new one must be sent. */
    record CodeExpired() implements VerificationResult {
    }

    /** Five wrong codes were entered: a new one must be sent. */
    record TooManyAttempts() implements VerificationResult {
    }

    /** This sign-up was verified before. */
    record AlreadyVerified() implements VerificationResult {
    }

    /** Another sign-up with the same address was verified first; the person can log in. */
    record EmailTaken() implements VerificationResult {
    }

    /** The co-worker invitation this sign-up used was cancelled or expired meanwhile. */
    record InvitationNoLongerValid() implements VerificationResult {
    }

    /** No sign-up has this id. */
    record NotFound() implements VerificationResult {
    }
}
