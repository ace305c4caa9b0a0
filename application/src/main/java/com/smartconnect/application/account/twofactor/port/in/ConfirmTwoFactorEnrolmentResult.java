package com.smartconnect.application.account.twofactor.port.in;

import java.time.Duration;
import java.util.List;

/** The answer to confirming a two-factor enrolment. */
public sealed interface ConfirmTwoFactorEnrolmentResult {

    /**
     * Two-factor authentication is on, and this session counts as having passed it. The ten recovery codes are shown
     * here once and kept only as hashes.
     */
    record Enabled(List<String> recoveryCodes) implements ConfirmTwoFactorEnrolmentResult {
        public Enabled {
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        @Override
        public String toString() {
            return "Enabled[recoveryCodes=****]";
        }
    }

    /** No enrolment is waiting (none was started, or it expired): start again. */
    record NoEnrolment() implements ConfirmTwoFactorEnrolmentResult {
    }

    /** The code is wrong, expired or was used already; the failure is counted. */
    record CodeIncorrect() implements ConfirmTwoFactorEnrolmentResult {
    }

    /** Too many wrong codes or passwords lately; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements ConfirmTwoFactorEnrolmentResult {
    }
}
