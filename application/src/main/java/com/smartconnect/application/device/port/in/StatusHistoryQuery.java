package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.device.HistoryRange;
import java.util.Optional;

/** The history charts of the UPS status page: what the device reported over a range, and when it ran on battery. */
public interface StatusHistoryQuery {

    /**
     * The device's history over the last {@code range}; empty when the user may not see the device (or the Product ID
     * is malformed), as for the status page.
     */
    Optional<StatusHistoryView> history(AuthenticatedUser user, String productId, HistoryRange range);
}
