package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.LinkSigner;
import java.util.Optional;

/**
 * Signs in the clear ({@code purpose~subject}): enough for service tests to see that a service accepts only tokens of
 * the right purpose. The real signer is {@code HmacLinkSigner} of the bootstrap module.
 */
public final class PlainLinkSigner implements LinkSigner {

    @Override
    public String sign(String purpose, String subject) {
        return purpose + "~" + subject;
    }

    @Override
    public Optional<String> verify(String purpose, String token) {
        return token != null && token.startsWith(purpose + "~")
                ? Optional.of(token.substring(purpose.length() + 1))
                : Optional.empty();
    }
}
