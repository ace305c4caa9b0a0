package com.smartconnect.domain.reseller;

/**
 * Where a customer's connection to their reseller stands, as the Reseller page shows it. {@link #INVITED} and
 * {@link #CONNECTED} are open: while one is, the customer cannot invite another reseller. Every other state is an
 * end; after it the reseller must be invited, and must accept, again.
 */
public enum ResellerConnectionState {
    /** The reseller was mailed an invitation and has not answered; it expires 7 days after it was sent. */
    INVITED,
    /** The reseller accepted: they are told about the customer's lifecycle events. */
    CONNECTED,
    /** The reseller declined the invitation (its Unsubscribe link). */
    DECLINED,
    /** The reseller let the invitation expire. */
    EXPIRED,
    /** The customer cancelled the invitation before it was answered. */
    CANCELLED,
    /** The connected reseller opted out of the mails. */
    UNSUBSCRIBED,
    /** The customer ended the connection. */
    DISCONNECTED;

    public boolean isOpen() {
        return this == INVITED || this == CONNECTED;
    }
}
