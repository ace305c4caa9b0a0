package com.smartconnect.application.reseller.port.in;

import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.util.Objects;

/**
 * What a reseller's link leads to: the connection's state now, and who the customer is (their full name and
 * company), for the page to say what accepting or unsubscribing means.
 */
public record ResellerLink(ResellerConnectionState state, String customerName, String companyName) {

    public ResellerLink {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(companyName, "companyName");
    }
}
