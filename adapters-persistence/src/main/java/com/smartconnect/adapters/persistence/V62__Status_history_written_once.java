package com.smartconnect.adapters.persistence;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * After V61, on PostgreSQL only: the five-minute buckets are now held in memory while their five minutes last and
 * written once (StatusHistoryRecorder), so their pages no longer keep room for updates; they fill their pages as the
 * hourly ones do (the default fillfactor, 100). Pages written before keep their layout until rewritten; the pruning
 * empties them within two days. In Java because the setting is PostgreSQL's own.
 */
final class V62__Status_history_written_once extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE status_history_five_minutes RESET (fillfactor)");
        }
    }
}
