package com.smartconnect.application.reseller.port.in;

import java.util.Optional;

/**
 * What the reseller does through the links in their mails, without an account. Looking a link up changes nothing
 * (mail scanners follow links); only {@link #accept} and {@link #unsubscribe} do. An unknown link is empty.
 */
public interface ResellerLinkUseCase {

    /** The invitation behind an accept link, as it is now. */
    Optional<ResellerLink> invitation(String acceptToken);

    /**
     * "ACCEPT INVITE": connects, if the invitation is still pending; otherwise nothing changes and the answer's state
     * says why (expired, cancelled, disconnected, ...). The customer is told by mail when it connects.
     */
    Optional<ResellerLink> accept(String acceptToken);

    /** The connection behind an unsubscribe link, as it is now. */
    Optional<ResellerLink> subscription(String unsubscribeToken);

    /**
     * "Unsubscribe": declines a pending invitation or ends the connection; the customer is told by mail. A link of a
     * connection that has ended already changes nothing.
     */
    Optional<ResellerLink> unsubscribe(String unsubscribeToken);
}
