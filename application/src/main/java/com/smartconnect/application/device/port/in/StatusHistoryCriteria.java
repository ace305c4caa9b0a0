package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.HistoryRange;
import java.util.Objects;

/** The history of one UPS as a logged-in user asks for it: the device (checked as for its status page) and the range. */
public record StatusHistoryCriteria(DeviceCriteria device, HistoryRange range) {

    public StatusHistoryCriteria {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(range, "range");
    }
}
