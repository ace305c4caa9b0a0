package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_COMMAND;

import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceCommandRecord;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The command outbox, in table {@code device_command}. Claims lock the due rows with {@code FOR UPDATE SKIP LOCKED}
 * (as the mail outbox does) and push their {@code leased_until} forward before the lock ends, so dispatchers on other
 * instances pass over them.
 */
final class DatabaseDeviceCommands implements DeviceCommandOutbox {

    /** Devices per claim query: a long IN list costs the planner more than a few queries do. */
    private static final int DEVICES_PER_QUERY = 500;

    private final DatabaseTransactions transactions;

    DatabaseDeviceCommands(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(DeviceCommand command) {
        transactions.dsl().insertInto(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.ID, command.commandId())
                .set(DEVICE_COMMAND.PRODUCT_ID, command.productId().value())
                .set(DEVICE_COMMAND.TYPE, command.type().name())
                .set(DEVICE_COMMAND.ARGUMENT, command.argument())
                .set(DEVICE_COMMAND.ISSUED_BY, command.issuedBy().value())
                .set(DEVICE_COMMAND.ISSUED_AT, Timestamps.column(command.issuedAt()))
                .set(DEVICE_COMMAND.EXPIRES_AT, Timestamps.column(command.expiresAt()))
                .set(DEVICE_COMMAND.STATE, command.state().name())
                .set(DEVICE_COMMAND.LEASED_UNTIL, Timestamps.column(Instant.EPOCH))
                .set(DEVICE_COMMAND.DELIVERED_AT, Timestamps.column(command.deliveredAt().orElse(null)))
                .set(DEVICE_COMMAND.SETTLED_AT, Timestamps.column(command.settledAt().orElse(null)))
                .set(DEVICE_COMMAND.MESSAGE, command.message().orElse(null))
                .execute();
    }

    @Override
    public Optional<DeviceCommand> find(String commandId) {
        return transactions.dsl().selectFrom(DEVICE_COMMAND)
                .where(DEVICE_COMMAND.ID.eq(commandId))
                .fetchOptional(DatabaseDeviceCommands::command);
    }

    @Override
    public List<DeviceCommand> claimPending(Collection<ProductId> devices, Instant now, int limit, Duration lease) {
        if (devices.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> ids = devices.stream().map(ProductId::value).distinct().toList();
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            // Every instance asks every second for all its connected devices: one cheap look at the index first, so
            // that an outbox with nothing due costs one query, not one per few hundred devices.
            boolean anyDue = dsl.fetchExists(dsl.selectOne().from(DEVICE_COMMAND)
                    .where(DEVICE_COMMAND.STATE.eq(DeviceCommandState.PENDING.name()))
                    .and(DEVICE_COMMAND.EXPIRES_AT.gt(Timestamps.column(now)))
                    .and(DEVICE_COMMAND.LEASED_UNTIL.le(Timestamps.column(now))));
            if (!anyDue) {
                return List.of();
            }
            List<DeviceCommand> claimed = new java.util.ArrayList<>();
            for (int start = 0; start < ids.size() && claimed.size() < limit; start += DEVICES_PER_QUERY) {
                List<String> chunk = ids.subList(start, Math.min(ids.size(), start + DEVICES_PER_QUERY));
                List<DeviceCommandRecord> due = dsl.selectFrom(DEVICE_COMMAND)
                        .where(DEVICE_COMMAND.STATE.eq(DeviceCommandState.PENDING.name()))
                        .and(DEVICE_COMMAND.PRODUCT_ID.in(chunk))
                        .and(DEVICE_COMMAND.EXPIRES_AT.gt(Timestamps.column(now)))
                        .and(DEVICE_COMMAND.LEASED_UNTIL.le(Timestamps.column(now)))
                        .orderBy(DEVICE_COMMAND.ISSUED_AT, DEVICE_COMMAND.ID)
                        .limit(limit - claimed.size())
                        .forUpdate()
                        .skipLocked()
                        .fetch();
                if (due.isEmpty()) {
                    continue;
                }
                dsl.update(DEVICE_COMMAND)
                        .set(DEVICE_COMMAND.LEASED_UNTIL, Timestamps.column(now.plus(lease)))
                        .where(DEVICE_COMMAND.ID.in(due.stream().map(DeviceCommandRecord::getId).toList()))
                        .execute();
                due.forEach(row -> claimed.add(command(row)));
            }
            return List.copyOf(claimed);
        });
    }

    @Override
    public boolean markDelivered(String commandId, Instant at) {
        return transactions.dsl().update(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.STATE, DeviceCommandState.DELIVERED.name())
                .set(DEVICE_COMMAND.DELIVERED_AT, Timestamps.column(at))
                .where(DEVICE_COMMAND.ID.eq(commandId))
                .and(DEVICE_COMMAND.STATE.eq(DeviceCommandState.PENDING.name()))
                .execute() == 1;
    }

    @Override
    public boolean settle(ProductId productId, String commandId, DeviceCommandState result, Optional<String> message,
            Instant at) {
        if (result != DeviceCommandState.OK && result != DeviceCommandState.FAILED) {
            throw new IllegalArgumentException("a device answers OK or FAILED, not " + result);
        }
        return transactions.dsl().update(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.STATE, result.name())
                .set(DEVICE_COMMAND.SETTLED_AT, Timestamps.column(at))
                .set(DEVICE_COMMAND.DELIVERED_AT, org.jooq.impl.DSL.coalesce(DEVICE_COMMAND.DELIVERED_AT,
                        org.jooq.impl.DSL.val(Timestamps.column(at))))
                .set(DEVICE_COMMAND.MESSAGE, message.orElse(null))
                .where(DEVICE_COMMAND.ID.eq(commandId))
                .and(DEVICE_COMMAND.PRODUCT_ID.eq(productId.value()))
                .and(DEVICE_COMMAND.STATE.in(DeviceCommandState.PENDING.name(), DeviceCommandState.DELIVERED.name()))
                .execute() == 1;
    }

    @Override
    public boolean withdraw(String commandId, Instant at, String reason) {
        return transactions.dsl().update(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.STATE, DeviceCommandState.EXPIRED.name())
                .set(DEVICE_COMMAND.SETTLED_AT, Timestamps.column(at))
                .set(DEVICE_COMMAND.MESSAGE, reason)
                .where(DEVICE_COMMAND.ID.eq(commandId))
                .and(DEVICE_COMMAND.STATE.eq(DeviceCommandState.PENDING.name()))
                .execute() == 1;
    }

    @Override
    public int expire(Instant now, Duration answerWindow) {
        int unsent = transactions.dsl().update(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.STATE, DeviceCommandState.EXPIRED.name())
                .set(DEVICE_COMMAND.SETTLED_AT, Timestamps.column(now))
                .where(DEVICE_COMMAND.STATE.eq(DeviceCommandState.PENDING.name()))
                .and(DEVICE_COMMAND.EXPIRES_AT.le(Timestamps.column(now)))
                .execute();
        int unanswered = transactions.dsl().update(DEVICE_COMMAND)
                .set(DEVICE_COMMAND.STATE, DeviceCommandState.EXPIRED.name())
                .set(DEVICE_COMMAND.SETTLED_AT, Timestamps.column(now))
                .set(DEVICE_COMMAND.MESSAGE, DeviceCommandOutbox.UNANSWERED)
                .where(DEVICE_COMMAND.STATE.eq(DeviceCommandState.DELIVERED.name()))
                .and(DEVICE_COMMAND.EXPIRES_AT.le(Timestamps.column(now)))
                .and(DEVICE_COMMAND.DELIVERED_AT.le(Timestamps.column(now.minus(answerWindow))))
                .execute();
        return unsent + unanswered;
    }

    private static DeviceCommand command(DeviceCommandRecord row) {
        return new DeviceCommand(row.getId(), new ProductId(row.getProductId()),
                DeviceCommandType.valueOf(row.getType()), row.getArgument(), new AccountId(row.getIssuedBy()),
                Timestamps.instant(row.getIssuedAt()), Timestamps.instant(row.getExpiresAt()),
                DeviceCommandState.valueOf(row.getState()),
                Optional.ofNullable(Timestamps.instant(row.getDeliveredAt())),
                Optional.ofNullable(Timestamps.instant(row.getSettledAt())), Optional.ofNullable(row.getMessage()));
    }
}
