package com.smartconnect.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * After V40: every device registered before Event Notifications gets the notification a device registered now starts
 * with (its owner's address, warning and critical events, e-mail on), so that its owner is not left without mails
 * they never turned off. In Java because each row needs a random UUID, which H2 and PostgreSQL write differently in
 * SQL. A device that has a notification already (none can, before V40) is left as it is.
 */
final class V41__Default_event_notifications extends BaseJavaMigration {

    private static final String WITHOUT_NOTIFICATIONS = "SELECT r.product_id, a.email FROM device_registration r"
            + " JOIN account a ON a.id = r.owner_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM event_notification n WHERE n.product_id = r.product_id)"
            + " ORDER BY r.product_id";
    private static final String INSERT = "INSERT INTO event_notification (id, product_id, recipients, severities,"
            + " event_types, email) VALUES (?, ?, ?, 'WARNING,CRITICAL', '', TRUE)";
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet devices = select.executeQuery(WITHOUT_NOTIFICATIONS);
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            while (devices.next()) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, devices.getString(1));
                insert.setString(3, devices.getString(2));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
