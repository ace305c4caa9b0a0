package com.smartconnect.domain.registration;

import com.smartconnect.domain.common.CodeChallenge;

/** What entering a code did, with the registration as it must be saved afterwards. */
public sealed interface VerificationOutcome {

    Registration registration();

    /** The code was right: the account can be created. */
    record Verified(Registration registration) implements VerificationOutcome {
    }

    /** The code was wrong; {@code attemptsLeft} more tries are allowed on this code. */
    record WrongCode(Registration registration, int attemptsLeft) implements VerificationOutcome {
    }

    /** The code is older than {@link CodeChallenge#VALIDITY}; a new one must be sent. */
    record Expired(Registration registration) implements VerificationOutcome {
    }

    /** All wrong tries of this code are used up; a new one must be sent. */
    record TooManyAttempts(Registration registration) implements VerificationOutcome {
    }

    /** The registration was verified before. */
    record AlreadyVerified(Registration registration) implements VerificationOutcome {
    }
}
