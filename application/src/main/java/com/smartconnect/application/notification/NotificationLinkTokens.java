package com.smartconnect.application.notification;

import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.util.Optional;

/**
 * The tokens of the links in notification mails, signed so that nothing is stored per mail. The unsubscribe token
 * names the device and the recipient (by a hash: the address itself is not put into a URL); the enable token names
 * the device and the end of the disabling it ends, so it cannot end a later one, and is spent once used.
 */
final class NotificationLinkTokens {

    static final String UNSUBSCRIBE = "event-notification-unsubscribe";
    static final String ENABLE = "event-notification-enable";

    /** What an unsubscribe token names. */
    record Unsubscribe(ProductId productId, String recipientHash) {
        boolean names(EmailAddress recipient) {
            return recipientHash.equals(hashOf(recipient));
        }
    }

    /** What an enable token names. */
    record Enable(ProductId productId, Instant disabledUntil) {
    }

    private final LinkSigner signer;

    NotificationLinkTokens(LinkSigner signer) {
        this.signer = signer;
    }

    String unsubscribe(ProductId productId, EmailAddress recipient) {
        return signer.sign(UNSUBSCRIBE, productId.value() + "/" + hashOf(recipient));
    }

    Optional<Unsubscribe> unsubscribe(String token) {
        return signer.verify(UNSUBSCRIBE, token).flatMap(subject -> {
            String[] parts = subject.split("/", -1);
            return parts.length == 2 && ProductId.isValid(parts[0])
                    ? Optional.of(new Unsubscribe(new ProductId(parts[0]), parts[1]))
                    : Optional.empty();
        });
    }

    String enable(ProductId productId, Instant disabledUntil) {
        return signer.sign(ENABLE, productId.value() + "/" + disabledUntil.toEpochMilli());
    }

    Optional<Enable> enable(String token) {
        return signer.verify(ENABLE, token).flatMap(subject -> {
            String[] parts = subject.split("/", -1);
            if (parts.length != 2 || !ProductId.isValid(parts[0])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Enable(new ProductId(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
            } catch (NumberFormatException notMillis) {
                return Optional.empty();
            }
        });
    }

    private static String hashOf(EmailAddress recipient) {
        return SecretTokens.hash(recipient.value()).substring(0, 32);
    }
}
