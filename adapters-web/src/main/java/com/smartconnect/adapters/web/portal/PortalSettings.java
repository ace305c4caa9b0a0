package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.SecretSealer;
import java.util.Objects;
import java.util.Optional;

/**
 * What the portal needs besides the use cases: the server's signer for the token of forms shown before a login, and
 * its sealer for the first page of a sign-up kept in the second (both under the server's secret key, so any instance
 * opens what another made); the captcha widget when a captcha is configured.
 */
public record PortalSettings(LinkSigner signer, SecretSealer sealer, Optional<CaptchaWidget> captcha) {

    /**
     * The "I am not a robot" check of a reCAPTCHA- or hCaptcha-compatible service: the script it loads in the page,
     * the site key it shows the widget for, and the form field in which it posts its token.
     */
    public record CaptchaWidget(String scriptUrl, String siteKey, String responseField) {

        public CaptchaWidget {
            Objects.requireNonNull(scriptUrl, "scriptUrl");
            Objects.requireNonNull(siteKey, "siteKey");
            Objects.requireNonNull(responseField, "responseField");
        }
    }

    public PortalSettings {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(captcha, "captcha");
    }
}
