package com.smartconnect.application.account.session.port.in;

import java.util.Objects;
import java.util.Optional;

/** "Forgot your password?": the address of the account and the captcha of the form. */
public record RequestPasswordResetCommand(String email, String captchaToken, Optional<String> remoteAddress) {

    public RequestPasswordResetCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(captchaToken, "captchaToken");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
