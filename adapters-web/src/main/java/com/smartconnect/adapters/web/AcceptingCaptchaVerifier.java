package com.smartconnect.adapters.web;

import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Optional;

/**
 * The embedded default: accepts every token, so a single instance runs without a captcha account. It says so at
 * WARNING when it is created, because a public deployment left on it is open to scripted sign-ups; once, since a
 * warning per sign-up would bury everything else in the log.
 */
public final class AcceptingCaptchaVerifier implements CaptchaVerifier {

    private static final Logger LOG = System.getLogger(AcceptingCaptchaVerifier.class.getName());

    public AcceptingCaptchaVerifier() {
        LOG.log(Level.WARNING, "Captchas are not checked: every sign-up is taken as coming from a person. "
                + "Configure a captcha verification URL and secret for a public deployment.");
    }

    @Override
    public boolean verify(String token, Optional<String> remoteAddress) {
        LOG.log(Level.DEBUG, "Captcha token accepted without a check");
        return true;
    }
}
