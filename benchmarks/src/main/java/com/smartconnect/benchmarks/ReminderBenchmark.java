package com.smartconnect.benchmarks;

import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.lifecycle.LifecycleMails;
import com.smartconnect.application.lifecycle.ResellerReminderJob;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The daily reseller-reminder job over 1,000,000 registered devices on PostgreSQL (BENCHMARKS.md, "Reseller
 * reminders"). Loads the fleet with set-based INSERT ... SELECT over generate_series into a schema of its own (dropped
 * at the end), then runs the job as the server does and reports elapsed time, the mails queued, the peak heap and the
 * garbage collections of each run, against the baseline of a plain count over the same tables. Run it in a small heap
 * (benchmarks/run-reminders.sh uses -Xmx256m) to show that the job streams pages and never loads all devices.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/smartconnect-benchmarks.jar com.smartconnect.benchmarks.ReminderBenchmark \
 *     [jdbc:postgresql://127.0.0.1:5432/test?user=postgres] [devices]</pre>
 */
public final class ReminderBenchmark {

    private static final int DEVICES_PER_CUSTOMER = 50;
    /** The day of the first run, 06:00 UTC; connections were accepted the day before. */
    private static final Instant DAY_ONE = Instant.parse("2026-11-23T06:00:00Z");

    private ReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int customers = Math.max(1, devices / DEVICES_PER_CUSTOMER);
        String schema = "bench_reminders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (HikariDataSource dataSource = PooledDataSource.create(url, null, null, 4)) {
            Database database = Database.migrate(dataSource);
            long loadStart = System.nanoTime();
            load(dataSource, devices, customers);
            report("load of %,d devices, %,d customers (half with a connected reseller): %.1f s", devices, customers,
                    seconds(System.nanoTime() - loadStart));
            report("in the 91-day window on day one: %,d batteries, %,d warranties, %,d plans (all customers)",
                    count(dataSource, "SELECT count(*) FROM device_state WHERE battery_replace_by BETWEEN DATE '2026-11-23' AND DATE '2027-02-21'"),
                    count(dataSource, "SELECT count(*) FROM device_catalog WHERE warranty_ends_on BETWEEN DATE '2026-11-23' AND DATE '2027-02-21'"),
                    count(dataSource, "SELECT count(*) FROM device_plan WHERE ends_at >= TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00' AND ends_at < TIMESTAMP WITH TIME ZONE '2027-02-22 00:00:00+00'"));

            long baselineStart = System.nanoTime();
            long joined = count(dataSource, "SELECT count(*) FROM device_state s JOIN device_registration r "
                    + "ON r.product_id = s.product_id");
            long baseline = System.nanoTime() - baselineStart;
            report("baseline: SELECT count(*) over device_state JOIN device_registration (%,d rows): %.2f s", joined,
                    seconds(baseline));

            run(database, DAY_ONE, "day one (stages of the day and of the day before: connected yesterday)", baseline);
            // As autovacuum would after the first day: with the statistics of an empty reseller_reminder, the
            // planner scans it for each event instead of using its primary key.
            count(dataSource, "SELECT count(*) FROM reseller_reminder");
            execute(url, "ANALYZE reseller_reminder");
            // The plan of the battery page query as jOOQ writes it (first page), to show the index range scan.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS OFF) SELECT c.id, s.product_id, s.battery_replace_by, "
                            + "(SELECT min(days_before) FROM reseller_reminder rr WHERE rr.connection_id = c.id AND "
                            + "rr.product_id = s.product_id AND rr.kind = 'BATTERY' AND rr.due_on = s.battery_replace_by) "
                            + "FROM device_state s JOIN device_catalog k ON k.product_id = s.product_id "
                            + "JOIN device_registration r ON r.product_id = s.product_id "
                            + "JOIN reseller_connection c ON c.open_customer_id = r.owner_id AND c.state = 'CONNECTED' "
                            + "WHERE s.battery_replace_by BETWEEN DATE '2026-11-23' AND DATE '2027-02-21' "
                            + "ORDER BY s.battery_replace_by, s.product_id LIMIT 500")) {
                report("plan of a battery page (after day one and ANALYZE):");
                while (plan.next()) {
                    report("    %s", plan.getString(1));
                }
            }
            run(database, DAY_ONE.plus(Duration.ofHours(1)), "day one again (every stage sent: no transaction)",
                    baseline);
            run(database, DAY_ONE.plus(Duration.ofDays(1)), "day two (the stages of one day)", baseline);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void run(Database database, Instant at, String label, long baselineNanos) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        RandomSource random = new BenchmarkRandom();
        ResellerReminderJob job = new ResellerReminderJob(clock, database.transactions(), database.lifecycleReminders(),
                database.resellerConnections(), database.mailOutbox(),
                new LifecycleMails(random, database.accounts(), database.companies(), new HmacSigner()));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long start = System.nanoTime();
        int queued = job.runDue();
        long elapsed = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        report("%s: %,d mails queued in %.2f s (%.1f x the baseline), peak heap %d MiB of max %d MiB, %d GCs, %d ms",
                label, queued, seconds(elapsed), (double) elapsed / baselineNanos, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, gcCount() - gcCount, gcMillis() - gcMillis);
    }

    /**
     * The fleet, set-based: customers each with a company and contact details, every second one connected to a
     * reseller the day before day one; batteries (APCRBC159, 4 years) installed over four years so their replace-by
     * dates spread evenly; warranties over five years; 10% of devices on Standard and 10% on Advanced, ending over two
     * years.
     */
    private static void load(HikariDataSource dataSource, int devices, int customers) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO company (id, name, business_type, address, city, zip_code, state_province, "
                    + "country, created_at) SELECT md5('c' || i)::uuid, 'Company ' || i, 'Reseller', '1 Street', "
                    + "'London', 'SW1', 'London', 'GB', now() FROM generate_series(1, " + customers + ") i");
            statement.execute("INSERT INTO account (id, email, first_name, last_name, country, password_hash, company_id, "
                    + "marketing_opt_in, privacy_accepted_at, created_at, phone, job_role) SELECT md5('a' || i)::uuid, "
                    + "'customer' || i || '@example.com', 'First' || i, 'Last', 'GB', 'x', md5('c' || i)::uuid, false, "
                    + "now(), now(), '+44 20 7946 0000', 'IT manager' FROM generate_series(1, " + customers + ") i");
            statement.execute("INSERT INTO reseller_connection (id, customer_id, open_customer_id, reseller_email, state, "
                    + "invited_at, expires_at, connected_at, accept_token_hash, unsubscribe_token_hash) "
                    + "SELECT md5('r' || i)::uuid, md5('a' || i)::uuid, md5('a' || i)::uuid, "
                    + "'reseller' || i || '@example.com', 'CONNECTED', TIMESTAMP WITH TIME ZONE '2026-11-22 05:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-29 05:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-22 06:00:00+00', "
                    + "md5('accept' || i), md5('unsubscribe' || i) FROM generate_series(2, " + customers + ", 2) i");
            statement.execute("INSERT INTO device_catalog (product_id, product_key_hash, device_secret_hash, model, "
                    + "serial_number, battery_sku, battery_installed_on, warranty_ends_on, imported_at) "
                    + "SELECT 'BM' || lpad(i::text, 10, '0'), md5('k' || i) || md5('k' || i), md5('s' || i) || md5('s' || i), "
                    + "'SMT1500RMI2UC', 'SN' || i, 'APCRBC159', DATE '2022-09-01' + (i % 1461), "
                    + "DATE '2026-06-01' + ((i * 7) % 1826), now() FROM generate_series(1, " + devices + ") i");
            statement.execute("INSERT INTO device_state (product_id, connected, communication_lost, battery_replace_by) "
                    + "SELECT product_id, false, false, (battery_installed_on + INTERVAL '4 years')::date FROM device_catalog");
            statement.execute("INSERT INTO device_registration (product_id, owner_id, company_id, registered_at, "
                    + "time_zone, notifications, sensitivity) SELECT 'BM' || lpad(i::text, 10, '0'), "
                    + "md5('a' || (i % " + customers + " + 1))::uuid, md5('c' || (i % " + customers + " + 1))::uuid, "
                    + "now(), 'UTC', true, 'NORMAL' FROM generate_series(1, " + devices + ") i");
            statement.execute("INSERT INTO device_plan (product_id, plan, started_at, ends_at, changed_at) "
                    + "SELECT 'BM' || lpad(i::text, 10, '0'), CASE WHEN i % 20 = 0 THEN 'ADVANCED' ELSE 'STANDARD' END, "
                    + "TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 12:00:00+00' + ((i % 730) || ' days')::interval, now() "
                    + "FROM generate_series(1, " + devices + ") i WHERE i % 10 = 0");
            statement.execute("ANALYZE");
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long count(HikariDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @SuppressWarnings("java:S106")
    private static void report(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    /** The randomness of the mail ids. */
    private static final class BenchmarkRandom implements RandomSource {
        private final SecureRandom random = new SecureRandom();

        @Override
        public UUID uuid() {
            return UUID.randomUUID();
        }

        @Override
        public String digits(int count) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < count; i++) {
                digits.append(random.nextInt(10));
            }
            return digits.toString();
        }

        @Override
        public byte[] bytes(int count) {
            byte[] bytes = new byte[count];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    /** An HMAC signer like the server's, for the unsubscribe links (their cost is part of each mail). */
    private static final class HmacSigner implements LinkSigner {
        private final byte[] key = new SecureRandom().generateSeed(32);

        @Override
        public String sign(String purpose, String subject) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] tag = mac.doFinal((purpose + "\n" + subject).getBytes(StandardCharsets.UTF_8));
                return subject + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<String> verify(String purpose, String token) {
            int dot = token.lastIndexOf('.');
            return dot > 0 && sign(purpose, token.substring(0, dot)).equals(token)
                    ? Optional.of(token.substring(0, dot)) : Optional.empty();
        }
    }
}
