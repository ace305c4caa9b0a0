package com.smartconnect.adapters.persistence;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * After V60, on PostgreSQL only (H2 has no such setting): the pages of the five-minute buckets are filled half by
 * inserts, so that the updates of a bucket (one a status) find room on its own page. There PostgreSQL updates it without a new
 * index entry and prunes its old versions as it goes; packed pages sent each update to another page, and a day of
 * statuses took three times the room of its rows (BENCHMARKS.md). The hourly buckets are written once and
 * fill their pages. In Java because the setting is PostgreSQL's own.
 */
final class V61__Status_history_fillfactor extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE status_history_five_minutes SET (fillfactor = 50)");
        }
    }
}
