package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.util.Objects;

/** "Turn On" two-factor authentication with a chosen method; it is on once a correct code confirms it. */
public record StartTwoFactorEnrolmentCommand(AuthenticatedUser user, TwoFactorMethod method) {

    public StartTwoFactorEnrolmentCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
    }
}
