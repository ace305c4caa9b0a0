package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_CATALOG;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_STATE;

import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceStateRecord;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.domain.device.BatteryLife;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The state of each device, in table {@code device_state}: one row per device of the catalog, made with its catalog
 * entry (an insert-if-absent here would race between the group commit and the connection tracking on H2, whose MERGE
 * is not atomic against a concurrent insert), then updated column group by column group, so a birth, a status and a
 * connect of the same device in one batch do not overwrite one another. A device not in the catalog has no row, and
 * updates of it change nothing.
 */
final class DatabaseDeviceStates implements DeviceStateRepository {

    private final DatabaseTransactions transactions;

    DatabaseDeviceStates(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /** The row of a device new to the catalog; called by the catalog in the transaction that adds the device. */
    static void addRow(DSLContext dsl, ProductId productId) {
        dsl.insertInto(DEVICE_STATE)
                .set(DEVICE_STATE.PRODUCT_ID, productId.value())
                .set(DEVICE_STATE.CONNECTED, false)
                .set(DEVICE_STATE.COMMUNICATION_LOST, false)
                .execute();
    }

    @Override
    public void recordBirth(ProductId productId, DeviceBirth birth) {
        transactions.dsl().update(DEVICE_STATE)
                .set(DEVICE_STATE.BIRTH_MODEL, birth.model())
                .set(DEVICE_STATE.BIRTH_SERIAL_NUMBER, birth.serialNumber().orElse(null))
                .set(DEVICE_STATE.BIRTH_FIRMWARE, birth.firmware().orElse(null))
                .set(DEVICE_STATE.BIRTH_SMART_CONNECT_ENABLED, birth.smartConnectEnabled())
                .set(DEVICE_STATE.BIRTH_BATTERY_SKU, birth.batterySku().orElse(null))
                .set(DEVICE_STATE.BIRTH_BATTERY_INSTALLED_ON, birth.batteryInstalledOn().orElse(null))
                .set(DEVICE_STATE.BIRTH_OUTLET_GROUPS, String.join(",", birth.outletGroups()))
                .set(DEVICE_STATE.BIRTH_SENT_AT, Timestamps.column(birth.sentAt()))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .execute();
        refreshBatteryReplaceBy(transactions.dsl(), productId);
    }

    /**
     * Writes the battery's replace-by date of the device as the status page computes it (the reported install date
     * and SKU over the catalog's, plus the SKU's {@link BatteryLife}), for the reseller reminders' indexed range scan.
     * Called after every change of the catalog entry or the birth, in the same transaction.
     */
    static void refreshBatteryReplaceBy(DSLContext dsl, ProductId productId) {
        var row = dsl.select(DEVICE_CATALOG.BATTERY_SKU, DEVICE_CATALOG.BATTERY_INSTALLED_ON,
                        DEVICE_STATE.BIRTH_BATTERY_SKU, DEVICE_STATE.BIRTH_BATTERY_INSTALLED_ON)
                .from(DEVICE_STATE)
                .join(DEVICE_CATALOG).on(DEVICE_CATALOG.PRODUCT_ID.eq(DEVICE_STATE.PRODUCT_ID))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .fetchOptional();
        if (row.isEmpty()) {
            return;
        }
        String sku = Optional.ofNullable(row.get().value3()).orElse(row.get().value1());
        java.time.LocalDate installedOn = Optional.ofNullable(row.get().value4()).orElse(row.get().value2());
        dsl.update(DEVICE_STATE)
                .set(DEVICE_STATE.BATTERY_REPLACE_BY, BatteryLife.replaceBy(sku, installedOn))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .execute();
    }

    /** Only over an older status (or none): statuses delivered out of order keep the newest. */
    @Override
    public void recordStatus(ProductId productId, DeviceStatus status) {
        transactions.dsl().update(DEVICE_STATE)
                .set(DEVICE_STATE.STATUS_FLAGS, String.join(",", status.flags()))
                .set(DEVICE_STATE.STATUS_SEQ, status.seq().orElse(null))
                .set(DEVICE_STATE.BATTERY_CHARGE_PERCENT, status.batteryChargePercent().orElse(null))
                .set(DEVICE_STATE.BATTERY_RUNTIME_SECONDS, status.batteryRuntimeSeconds().orElse(null))
                .set(DEVICE_STATE.LOAD_PERCENT, status.loadPercent().orElse(null))
                .set(DEVICE_STATE.INPUT_VOLTAGE, status.inputVoltage().orElse(null))
                .set(DEVICE_STATE.OUTPUT_VOLTAGE, status.outputVoltage().orElse(null))
                .set(DEVICE_STATE.TEMPERATURE_C, status.temperatureC().orElse(null))
                .set(DEVICE_STATE.STATUS_SENT_AT, Timestamps.column(status.sentAt()))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .and(DEVICE_STATE.STATUS_SENT_AT.isNull().or(DEVICE_STATE.STATUS_SENT_AT.le(Timestamps.column(status.sentAt()))))
                .execute();
    }

    @Override
    public void seen(ProductId productId, Instant at) {
        transactions.dsl().update(DEVICE_STATE)
                .set(DEVICE_STATE.LAST_SEEN_AT, Timestamps.column(at))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .and(DEVICE_STATE.LAST_SEEN_AT.isNull().or(DEVICE_STATE.LAST_SEEN_AT.lt(Timestamps.column(at))))
                .execute();
    }

    /**
     * One UPDATE for the senders of a whole batch of the group commit (and for all the devices the connection tracker
     * marks still connected), in chunks of 1,000 devices, of the same text whatever the number of devices
     * ({@link KeyLists}). The rows are locked in Product ID order, so that transactions marking overlapping sets never
     * deadlock: on PostgreSQL by an explicit {@code ORDER BY ... FOR UPDATE}, because it may plan a long key list as a
     * bitmap scan, which takes the rows in their order on disk (the benchmark met that deadlock: BENCHMARKS.md); H2
     * looks the keys up in the primary key in sorted order.
     */
    @Override
    public void seenAll(java.util.Collection<ProductId> productIds, Instant at) {
        java.util.List<String> ids = productIds.stream().map(ProductId::value).sorted().distinct().toList();
        boolean postgres = transactions.dsl().family() == SQLDialect.POSTGRES;
        String sql = postgres ? SEEN_ALL_IN_KEY_ORDER : SEEN_ALL;
        for (int from = 0; from < ids.size(); from += 1_000) {
            java.util.List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            transactions.dsl().connection(connection -> {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    java.sql.Array keys = KeyLists.array(connection, chunk);
                    update.setObject(1, Timestamps.column(at));
                    update.setArray(2, keys);
                    update.setObject(3, Timestamps.column(at));
                    if (postgres) {
                        update.setArray(4, keys);
                    }
                    update.executeUpdate();
                }
            });
        }
    }

    private static final String SEEN_ALL = "UPDATE device_state SET last_seen_at = ? "
            + "WHERE product_id = ANY(?) AND (last_seen_at IS NULL OR last_seen_at < ?)";

    /** The keys twice: without the second ANY, PostgreSQL joined the locked rows with a scan of the whole table. */
    private static final String SEEN_ALL_IN_KEY_ORDER = "UPDATE device_state s SET last_seen_at = ? "
            + "FROM (SELECT product_id FROM device_state WHERE product_id = ANY(?) ORDER BY product_id FOR UPDATE) locked "
            + "WHERE s.product_id = locked.product_id AND (s.last_seen_at IS NULL OR s.last_seen_at < ?) "
            + "AND s.product_id = ANY(?)";

    /** Locks the row (FOR UPDATE) to read the flag and clear it in one step against a concurrent grace job. */
    @Override
    public boolean connected(ProductId productId, Instant at) {
        DSLContext dsl = transactions.dsl();
        boolean wasLost = dsl.select(DEVICE_STATE.COMMUNICATION_LOST).from(DEVICE_STATE)
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value())).forUpdate().fetchOptional()
                .map(row -> row.value1()).orElse(false);
        dsl.update(DEVICE_STATE)
                .set(DEVICE_STATE.CONNECTED, true)
                .setNull(DEVICE_STATE.DISCONNECTED_AT)
                .set(DEVICE_STATE.COMMUNICATION_LOST, false)
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .execute();
        seen(productId, at);
        return wasLost;
    }

    @Override
    public void disconnected(ProductId productId, Instant at) {
        transactions.dsl().update(DEVICE_STATE)
                .set(DEVICE_STATE.CONNECTED, false)
                .set(DEVICE_STATE.DISCONNECTED_AT, Timestamps.column(at))
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .execute();
    }

    @Override
    public Optional<DeviceState> find(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_STATE).where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .fetchOptional().map(DatabaseDeviceStates::state);
    }

    @Override
    public List<ProductId> lostSince(Instant disconnectedBefore, Instant unseenBefore, int limit) {
        return transactions.dsl().select(DEVICE_STATE.PRODUCT_ID).from(DEVICE_STATE)
                .where(DEVICE_STATE.COMMUNICATION_LOST.isFalse())
                .and(due(disconnectedBefore, unseenBefore))
                .orderBy(DEVICE_STATE.PRODUCT_ID)
                .limit(limit)
                .fetch(row -> new ProductId(row.value1()));
    }

    /** Disconnected long enough, or marked connected but unseen long enough (its instance died). */
    private static Condition due(Instant disconnectedBefore, Instant unseenBefore) {
        return DEVICE_STATE.CONNECTED.isFalse().and(DEVICE_STATE.DISCONNECTED_AT.le(Timestamps.column(disconnectedBefore)))
                .or(DEVICE_STATE.CONNECTED.isTrue().and(DEVICE_STATE.LAST_SEEN_AT.le(Timestamps.column(unseenBefore))));
    }

    /**
     * A conditional update: of several instances claiming the same device, the database lets one match the row (the
     * others wait for its row lock, then match nothing), so the event is reported once.
     */
    @Override
    public boolean claimLostCommunication(ProductId productId, Instant disconnectedBefore, Instant unseenBefore) {
        return transactions.dsl().update(DEVICE_STATE)
                .set(DEVICE_STATE.COMMUNICATION_LOST, true)
                .where(DEVICE_STATE.PRODUCT_ID.eq(productId.value()))
                .and(DEVICE_STATE.COMMUNICATION_LOST.isFalse())
                .and(due(disconnectedBefore, unseenBefore))
                .execute() == 1;
    }

    private static DeviceState state(DeviceStateRecord row) {
        Optional<DeviceBirth> birth = Optional.ofNullable(row.getBirthModel()).map(model -> new DeviceBirth(model,
                Optional.ofNullable(row.getBirthSerialNumber()), Optional.ofNullable(row.getBirthFirmware()),
                Boolean.TRUE.equals(row.getBirthSmartConnectEnabled()), Optional.ofNullable(row.getBirthBatterySku()),
                Optional.ofNullable(row.getBirthBatteryInstalledOn()), names(row.getBirthOutletGroups()),
                Timestamps.instant(row.getBirthSentAt())));
        Optional<DeviceStatus> status = Optional.ofNullable(row.getStatusSentAt()).map(sentAt -> new DeviceStatus(
                Optional.ofNullable(row.getStatusSeq()), Timestamps.instant(sentAt), names(row.getStatusFlags()),
                Optional.ofNullable(row.getBatteryChargePercent()), Optional.ofNullable(row.getBatteryRuntimeSeconds()),
                Optional.ofNullable(row.getLoadPercent()), Optional.ofNullable(row.getInputVoltage()),
                Optional.ofNullable(row.getOutputVoltage()), Optional.ofNullable(row.getTemperatureC())));
        return new DeviceState(new ProductId(row.getProductId()), birth,
                Optional.ofNullable(Timestamps.instant(row.getLastSeenAt())), row.getConnected(), status);
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
