package com.smartconnect.application.lifecycle.port.in;

import com.smartconnect.domain.lifecycle.LifecycleKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One lifecycle event of a registered UPS as the status page shows it today (battery replace-by, warranty, plan end).
 *
 * @param past whether the event occurred already (its due date has passed)
 * @param remindable whether the customer may still send their reseller a reminder of it (it occurred less than 90
 *     days ago, or is still to come)
 */
public record LifecycleEventView(LifecycleKind kind, String title, LocalDate dueOn, boolean past, boolean remindable) {

    public LifecycleEventView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueOn, "dueOn");
    }
}
