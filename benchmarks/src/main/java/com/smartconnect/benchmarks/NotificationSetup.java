package com.smartconnect.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The devices of the benchmark made ready for Event Notifications, straight in the server's database with set-based SQL
 * (10,000 devices in a few statements): every device of the catalog registered to one account, on Standard until
 * 2100, with one notification (every severity, e-mail on, one recipient), so that every event matches. The UPS
 * profile's switch {@code device_registration.notifications} then decides: on, every event goes through the
 * throttle (and its first ones are mailed); off, the same lookup of the batch's devices finds the switch off and
 * nothing more happens.
 */
final class NotificationSetup {

    static final String OWNER = "owner@benchmark.example";
    static final String RECIPIENT = "alerts@benchmark.example";

    /** Mail rows counted in the outbox, and the devices whose notifications are disabled. */
    record Counts(long notifications, long disabledAlerts, long pending, long devicesDisabled) {

        String line() {
            return notifications + " " + disabledAlerts + " " + pending + " " + devicesDisabled;
        }

        static Counts parse(String line) {
            String[] f = line.strip().split(" ");
            return new Counts(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }

    private NotificationSetup() {
    }

    /**
     * Registers every device of the catalog (the switch off at first); returns how many. Run once, after the catalog
     * was imported.
     */
    static int registerAll(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            String uuid = postgres ? "gen_random_uuid()" : "RANDOM_UUID()";
            UUID company = UUID.randomUUID();
            UUID owner = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime farAway = OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            update(connection, "INSERT INTO company (id, name, business_type, address, city, zip_code, state_province, "
                    + "country, created_at) VALUES (?, 'Benchmark Ltd', 'Data centre', 'Main Street 1', 'Springfield', "
                    + "'12345', 'Oregon', 'US', ?)", company, now);
            update(connection, "INSERT INTO account (id, email, first_name, last_name, country, password_hash, "
                    + "company_id, marketing_opt_in, privacy_accepted_at, created_at) VALUES (?, ?, 'Bench', 'Mark', "
                    + "'US', 'not-a-hash', ?, FALSE, ?, ?)", owner, OWNER, company, now, now);
            int registered = update(connection, "INSERT INTO device_registration (product_id, owner_id, company_id, "
                    + "registered_at, time_zone, notifications, sensitivity) SELECT product_id, ?, ?, ?, 'UTC', FALSE, "
                    + "'NORMAL' FROM device_catalog", owner, company, now);
            update(connection, "INSERT INTO device_plan (product_id, plan, started_at, ends_at, changed_at) "
                    + "SELECT product_id, 'STANDARD', ?, ?, ? FROM device_catalog", now, farAway, now);
            update(connection, "INSERT INTO event_notification (id, product_id, recipients, severities, event_types, "
                    + "email) SELECT " + uuid + ", product_id, ?, 'INFO,WARNING,CRITICAL', '', TRUE "
                    + "FROM device_registration", RECIPIENT);
            connection.commit();
            return registered;
        }
    }

    /**
     * Turns the UPS profiles' switch on or off, and makes every throttle fresh (its rows deleted: nothing sent, not
     * disabled), so that each run with notifications on starts as the first flood of the devices. The notification
     * mails of the runs before are deleted from the outbox, settled or not: the dispatcher settles at most 20 mails
     * every 0.5 s, so the backlog of a run with notifications on would otherwise be worked off (and, on H2, claimed
     * with locks on every row due) during the runs after it.
     */
    static void switchTo(DataSource dataSource, boolean on) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(connection, "DELETE FROM mail_outbox WHERE template IN ('EVENT_NOTIFICATION', "
                    + "'EVENT_NOTIFICATIONS_DISABLED')");
            update(connection, "UPDATE device_registration SET notifications = ?", on);
            update(connection, "DELETE FROM notification_throttle");
            connection.commit();
        }
    }

    static Counts counts(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long notifications = 0;
            long alerts = 0;
            long pending = 0;
            try (ResultSet rows = statement.executeQuery("SELECT template, COUNT(*), "
                    + "SUM(CASE WHEN sent_at IS NULL AND abandoned_at IS NULL THEN 1 ELSE 0 END) FROM mail_outbox "
                    + "WHERE template IN ('EVENT_NOTIFICATION', 'EVENT_NOTIFICATIONS_DISABLED') GROUP BY template")) {
                while (rows.next()) {
                    if (rows.getString(1).equals("EVENT_NOTIFICATION")) {
                        notifications = rows.getLong(2);
                    } else {
                        alerts = rows.getLong(2);
                    }
                    pending += rows.getLong(3);
                }
            }
            long disabled;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM notification_throttle WHERE disabled_until IS NOT NULL")) {
                rows.next();
                disabled = rows.getLong(1);
            }
            return new Counts(notifications, alerts, pending, disabled);
        }
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }
}
