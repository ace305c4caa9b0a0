-- Lifecycle events and reseller reminders: the battery's replace-by date kept with each device's state (so the daily
-- job finds the batteries due in a window along an index), indexes on the other due dates, and the reminders sent.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The battery's replace-by date: the install date the device last reported (or the catalog's) plus the life of its
-- battery SKU (the device's, or the catalog's), the date the status page shows. The persistence adapter writes it
-- whenever a catalog entry or a birth is stored; it is a column, not an expression, because the life per SKU is a
-- table of the domain (BatteryLife) that neither database's index could compute.
ALTER TABLE device_state ADD COLUMN battery_replace_by DATE NULL;

-- [jooq ignore start]
-- The devices of before: the same rule in SQL, with the life per SKU of BatteryLife as it is at this migration
-- (4 years for SKUs not in its table). INTERVAL 'n' YEAR is standard SQL, read alike by H2 and PostgreSQL.
UPDATE device_state SET battery_replace_by = (
    SELECT CAST(COALESCE(device_state.birth_battery_installed_on, c.battery_installed_on) + CASE
            UPPER(TRIM(COALESCE(device_state.birth_battery_sku, c.battery_sku)))
            WHEN 'APCRBC123' THEN INTERVAL '3' YEAR
            WHEN 'APCRBC124' THEN INTERVAL '3' YEAR
            WHEN 'RBC7' THEN INTERVAL '3' YEAR
            WHEN 'APCRBC141' THEN INTERVAL '5' YEAR
            WHEN 'APCRBC152' THEN INTERVAL '5' YEAR
            ELSE INTERVAL '4' YEAR END AS DATE)
    FROM device_catalog c WHERE c.product_id = device_state.product_id);
-- [jooq ignore stop]

-- The job's range scans, in the order of its keyset pages (due date, then Product ID). device_plan's ends_at has its
-- index already (V22).
CREATE INDEX device_state_battery_replace_by_idx ON device_state (battery_replace_by, product_id);
CREATE INDEX device_catalog_warranty_ends_on_idx ON device_catalog (warranty_ends_on, product_id);

-- The reminders the daily job sent: the mail of stage days_before (90, 30, 7 or 0) about the event of that kind, due
-- on due_on, of the device, to the reseller of the connection. Recording one is an insert that the primary key
-- refuses the second time (a later run, another instance), in the transaction that queues the mail: so each goes out
-- once. A resolved event has a new due date, so the old date's reminders are simply never asked for again. The rows
-- go with their connection and their device.
CREATE TABLE reseller_reminder (
    connection_id UUID                     NOT NULL,
    product_id    VARCHAR(12)              NOT NULL,
    kind          VARCHAR(16)              NOT NULL,
    due_on        DATE                     NOT NULL,
    days_before   INTEGER                  NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reseller_reminder_pk PRIMARY KEY (connection_id, product_id, kind, due_on, days_before),
    CONSTRAINT reseller_reminder_connection_fk FOREIGN KEY (connection_id) REFERENCES reseller_connection (id)
        ON DELETE CASCADE,
    CONSTRAINT reseller_reminder_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id)
        ON DELETE CASCADE,
    CONSTRAINT reseller_reminder_kind_ck CHECK (kind IN ('BATTERY', 'WARRANTY', 'STANDARD_PLAN', 'ADVANCED_PLAN')),
    CONSTRAINT reseller_reminder_days_before_ck CHECK (days_before IN (90, 30, 7, 0))
);
CREATE INDEX reseller_reminder_product_idx ON reseller_reminder (product_id);

-- The customers' own reminders: at most one a day per event (device, kind, due date), whoever of the company sent it.
CREATE TABLE customer_reminder (
    product_id VARCHAR(12) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    due_on     DATE        NOT NULL,
    sent_on    DATE        NOT NULL,
    CONSTRAINT customer_reminder_pk PRIMARY KEY (product_id, kind, due_on, sent_on),
    CONSTRAINT customer_reminder_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id)
        ON DELETE CASCADE,
    CONSTRAINT customer_reminder_kind_ck CHECK (kind IN ('BATTERY', 'WARRANTY', 'STANDARD_PLAN', 'ADVANCED_PLAN'))
);
