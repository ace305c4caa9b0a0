package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the profile shows of two-factor authentication.
 *
 * @param method the method in use; empty when it is off
 * @param recoveryCodesLeft unused recovery codes (0 when off)
 * @param pendingEnrolment the method of an enrolment waiting for its confirming code, until when
 */
public record TwoFactorStatus(Optional<TwoFactorMethod> method, int recoveryCodesLeft,
        Optional<PendingEnrolment> pendingEnrolment) {

    public TwoFactorStatus {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pendingEnrolment, "pendingEnrolment");
    }

    public boolean enabled() {
        return method.isPresent();
    }

    /** An enrolment started but not confirmed yet. */
    public record PendingEnrolment(TwoFactorMethod method, Instant expiresAt) {
    }
}
