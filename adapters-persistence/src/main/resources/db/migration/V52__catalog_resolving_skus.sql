-- The SKUs the reseller reminders name beyond the battery, as the factory's catalog gives them for each device's
-- model: the warranty extension and the Standard and Advanced plans. NULL where the catalog names none: the mails
-- then say so instead of naming an invented SKU. Written for both H2 (regular mode) and PostgreSQL.
ALTER TABLE device_catalog ADD COLUMN warranty_extension_sku VARCHAR(64) NULL;
ALTER TABLE device_catalog ADD COLUMN standard_plan_sku VARCHAR(64) NULL;
ALTER TABLE device_catalog ADD COLUMN advanced_plan_sku VARCHAR(64) NULL;

-- [jooq ignore start]
-- A plan's due date is its last day, the one set (a plan set to end on 2027-02-01 ends at 2027-02-02T00:00Z); the
-- reminders of plans were recorded under the day of the end instant, one day later. Each stage sent is recorded
-- under the last day too, so that it is not sent again; the rows of the later day match no event any more.
INSERT INTO reseller_reminder (connection_id, product_id, kind, due_on, days_before, sent_at)
    SELECT r.connection_id, r.product_id, r.kind, CAST(r.due_on - INTERVAL '1' DAY AS DATE), r.days_before, r.sent_at
    FROM reseller_reminder r
    WHERE r.kind IN ('STANDARD_PLAN', 'ADVANCED_PLAN')
      AND NOT EXISTS (SELECT 1 FROM reseller_reminder e
          WHERE e.connection_id = r.connection_id AND e.product_id = r.product_id AND e.kind = r.kind
            AND e.due_on = CAST(r.due_on - INTERVAL '1' DAY AS DATE) AND e.days_before = r.days_before);
-- [jooq ignore stop]
