package com.smartconnect.application.reseller.port.in;

/** The answer of the customer's own changes to the connection: cancelling the invitation, disconnecting. */
public sealed interface ResellerChangeResult {

    /** Done; the page as it is now. */
    record Changed(ResellerView reseller) implements ResellerChangeResult {
    }

    /**
     * There is nothing to change: no pending invitation to cancel, or no connected reseller to disconnect. The page
     * as it is now says why.
     */
    record NothingToChange(ResellerView reseller) implements ResellerChangeResult {
    }
}
