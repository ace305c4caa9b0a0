package com.smartconnect.domain.registration;

import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.CodeChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One sign-up, from the first page until its e-mail address is verified.
 *
 * <p>A sign-up with an address that already has an account is recorded too, without details: it answers
 * exactly as a new one does, but its owner is mailed a note instead of a code, so no code can ever verify it.
 * That way no answer tells whether an address has an account.
 */
public record Registration(
        RegistrationId id,
        EmailAddress email,
        Optional<SignUpDetails> details,
        CodeChallenge challenge,
        RegistrationStatus status,
        Instant createdAt) {

    /** How many sign-ups one address may make in {@link #SIGN_UP_WINDOW}, whether or not it has an account. */
    public static final int MAX_SIGN_UPS_PER_ADDRESS = 3;
    public static final Duration SIGN_UP_WINDOW = Duration.ofHours(1);

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (details.isEmpty() && status == RegistrationStatus.VERIFIED) {
            throw new IllegalArgumentException("a sign-up for an existing account is never verified");
        }
    }

    /** A sign-up that will create a new account once its code is entered. */
    public static Registration forNewAccount(RegistrationId id, EmailAddress email, SignUpDetails details,
            String codeHash, Instant now) {
        return new Registration(id, email, Optional.of(details), CodeChallenge.issued(codeHash, now),
                RegistrationStatus.PENDING, now);
    }

    /** A sign-up with an address that already has an account: its code is never mailed. */
    public static Registration forExistingAccount(RegistrationId id, EmailAddress email, String codeHash, Instant now) {
        return new Registration(id, email, Optional.empty(), CodeChallenge.issued(codeHash, now),
                RegistrationStatus.PENDING, now);
    }

    /** Whether the owner of the address already had an account when this sign-up was made. */
    public boolean isForExistingAccount() {
        return details.isEmpty();
    }

    /** Applies one try of a code, given whether it matches the code that was mailed. */
    public VerificationOutcome verify(boolean codeMatches, Instant now) {
        if (status == RegistrationStatus.VERIFIED) {
            return new VerificationOutcome.AlreadyVerified(this);
        }
        if (challenge.isExhausted()) {
            return new VerificationOutcome.TooManyAttempts(this);
        }
        if (challenge.isExpiredAt(now)) {
            return new VerificationOutcome.Expired(this);
        }
        if (!codeMatches || isForExistingAccount()) {
            Registration after = withChallenge(challenge.withFailedAttempt());
            return new VerificationOutcome.WrongCode(after, after.challenge.attemptsLeft());
        }
        return new VerificationOutcome.Verified(
                new Registration(id, email, details, challenge, RegistrationStatus.VERIFIED, createdAt));
    }

    /** How long until a new code may be sent; zero when it may be sent now. */
    public Duration waitBeforeResend(Instant now) {
        Duration wait = Duration.between(now, challenge.sentAt().plus(CodeChallenge.RESEND_INTERVAL));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** This registration with a freshly sent code: the expiry and the wrong tries start again. */
    public Registration withNewCode(String codeHash, Instant now) {
        if (status == RegistrationStatus.VERIFIED) {
            throw new IllegalStateException("registration " + id + " is already verified");
        }
        return withChallenge(challenge.reissued(codeHash, now));
    }

    private Registration withChallenge(CodeChallenge next) {
        return new Registration(id, email, details, next, status, createdAt);
    }
}
