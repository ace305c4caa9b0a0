package com.smartconnect.application.device.port.in;

import java.util.Optional;

/** The history charts of the UPS status page: what the device reported over a range, and when it ran on battery. */
public interface StatusHistoryQuery {

    /**
     * The device's history over the criteria's range; empty when the user may not see the device (or the Product ID
     * is malformed), as for the status page.
     */
    Optional<StatusHistoryView> history(StatusHistoryCriteria criteria);
}
