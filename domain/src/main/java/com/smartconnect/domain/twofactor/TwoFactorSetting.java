package com.smartconnect.domain.twofactor;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-factor authentication of one account: the method, for an authenticator app its secret (sealed, never kept
 * in clear), the last time step whose code was used (so that no code works twice), and whether it is on. Before it
 * is on, it is an enrolment waiting for its first correct code, for {@link #ENROLMENT_VALIDITY}.
 *
 * @param sealedTotpSecret the authenticator secret as sealed by the application's secret sealer; only for TOTP
 * @param lastUsedStep the TOTP time step of the last code accepted, {@code -1} before any
 */
public record TwoFactorSetting(
        AccountId accountId,
        TwoFactorMethod method,
        Optional<String> sealedTotpSecret,
        long lastUsedStep,
        boolean enabled,
        Instant createdAt) {

    /** How long a started enrolment waits for its confirming code. */
    public static final Duration ENROLMENT_VALIDITY = Duration.ofMinutes(15);

    public TwoFactorSetting {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sealedTotpSecret, "sealedTotpSecret");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((method == TwoFactorMethod.TOTP) != sealedTotpSecret.isPresent()) {
            throw new IllegalArgumentException("an authenticator secret belongs to TOTP and only to TOTP");
        }
    }

    /** An enrolment started at {@code now}, not on until a correct code confirms it. */
    public static TwoFactorSetting enrolment(AccountId accountId, TwoFactorMethod method,
            Optional<String> sealedTotpSecret, Instant now) {
        return new TwoFactorSetting(accountId, method, sealedTotpSecret, -1, false, now);
    }

    /** Whether this is an enrolment that can still be confirmed at {@code now}. */
    public boolean isPendingAt(Instant now) {
        return !enabled && now.isBefore(enrolmentExpiresAt());
    }

    public Instant enrolmentExpiresAt() {
        return createdAt.plus(ENROLMENT_VALIDITY);
    }

    /** This setting, on. */
    public TwoFactorSetting confirmed() {
        return new TwoFactorSetting(accountId, method, sealedTotpSecret, lastUsedStep, true, createdAt);
    }
}
