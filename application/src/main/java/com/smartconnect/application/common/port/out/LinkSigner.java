package com.smartconnect.application.common.port.out;

import java.util.Optional;

/**
 * Signs the links of mails that must keep working without a secret stored per mail, such as the unsubscribe link of
 * every Event Notification: the token carries its subject (an id, never personal data) and a MAC under the server's
 * secret key, bound to one purpose. Nobody without the key can make a token, and a token made for one purpose does
 * not open another. What a token may do once is for the service to decide, from the state the subject names.
 */
public interface LinkSigner {

    /** A URL-safe token for {@code subject}, good only for {@code purpose}. */
    String sign(String purpose, String subject);

    /** The subject of {@code token} if the server made it for {@code purpose}; empty for anything else. */
    Optional<String> verify(String purpose, String token);
}
