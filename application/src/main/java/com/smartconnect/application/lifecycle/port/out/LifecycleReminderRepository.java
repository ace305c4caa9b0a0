package com.smartconnect.application.lifecycle.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lifecycle events the reseller reminders are about, found by their due dates, and the record of the reminders
 * sent: by the daily job (each stage once per connection, device, kind and due date) and by customers (once a day per
 * event).
 */
public interface LifecycleReminderRepository {

    /**
     * A lifecycle event of a registered device whose owner has a connected reseller.
     *
     * @param model the model the device reported, or the catalog's
     * @param batterySku the battery the device reported, or the catalog's
     * @param skus the other SKUs the catalog names for the device's model (warranty extension, plans)
     * @param latestSent the latest stage already sent about this due date on this connection, if any: the daily run
     *     skips the event without a transaction when the stage due now is not later
     * @param position where the next page starts after this event
     */
    record DueEvent(UUID connectionId, AccountId customer, EmailAddress resellerEmail, Instant connectedAt,
            ProductId productId, LifecycleKind kind, LocalDate dueOn, String model, String batterySku,
            ResolvingSkus skus, Optional<ReminderStage> latestSent, Position position) {

        public DueEvent {
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(resellerEmail, "resellerEmail");
            Objects.requireNonNull(connectedAt, "connectedAt");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(batterySku, "batterySku");
            Objects.requireNonNull(skus, "skus");
            Objects.requireNonNull(latestSent, "latestSent");
            Objects.requireNonNull(position, "position");
        }

        /** The SKU that resolves the event, as the catalog names it; empty when it names none. */
        public Optional<String> resolvingSku() {
            return kind.resolvingSku(batterySku, skus);
        }

        /** The stages sent about this due date: the latest and every earlier one (sent, or skipped for good). */
        public Set<ReminderStage> stagesSent() {
            return latestSent.map(latest -> Set.copyOf(ReminderStage.ALL.subList(0,
                    ReminderStage.ALL.indexOf(latest) + 1))).orElse(Set.of());
        }
    }

    /**
     * A place in the order of due time, then Product ID: the keyset of the pages. The due time is the start of the UTC
     * due date for batteries and warranties, and the plan's end for plans.
     */
    record Position(Instant at, ProductId productId) {

        public Position {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(productId, "productId");
        }
    }

    /**
     * Events of {@code kind} due from {@code from} to {@code until} (both included) of registered devices whose owner
     * has a CONNECTED reseller, in the order of due date and Product ID, after {@code after}, at most {@code limit}:
     * one page, found along an index on the due date, never a walk over all devices.
     */
    List<DueEvent> dueBetween(LifecycleKind kind, LocalDate from, LocalDate until, int limit, Optional<Position> after);

    /**
     * Records that reminder {@code stage} about the event was sent on the connection; false if it was recorded already
     * (by an earlier run or another instance, even one not committed yet), which is how each goes out once. Part of
     * the caller's transaction, which also queues the mail.
     */
    boolean markSent(UUID connectionId, ProductId productId, LifecycleKind kind, LocalDate dueOn, ReminderStage stage,
            Instant sentAt);

    /**
     * Records the customer's reminder of the event on day {@code on}; false if one was recorded for that day already.
     * Part of the caller's transaction, which also queues the mail.
     */
    boolean markCustomerReminder(ProductId productId, LifecycleKind kind, LocalDate dueOn, LocalDate on);
}
