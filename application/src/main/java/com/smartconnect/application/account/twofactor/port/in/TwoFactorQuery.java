package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.domain.account.AccountId;
import java.util.Optional;

/** Reads the two-factor authentication of the logged-in account (callers pass the id of the authenticated user). */
public interface TwoFactorQuery {

    TwoFactorStatus statusOf(AccountId accountId);

    /**
     * The {@code otpauth://} URI of the account's pending authenticator-app enrolment, for its QR code; empty when
     * no such enrolment is pending.
     */
    Optional<String> pendingOtpauthUri(AccountId accountId);
}
