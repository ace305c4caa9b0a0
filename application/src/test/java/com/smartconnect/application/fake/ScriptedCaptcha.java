package com.smartconnect.application.fake;

import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import java.util.Optional;

/** A captcha that accepts every token but one, so tests can show both answers. */
public final class ScriptedCaptcha implements CaptchaVerifier {

    public static final String REFUSED_TOKEN = "refused-token";

    @Override
    public boolean verify(String token, Optional<String> remoteAddress) {
        return !REFUSED_TOKEN.equals(token);
    }
}
