-- Device plans: the plan each device is on, the history of its plans, and the free-period notices sent.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.
--
-- Plans belong to the device, not to a person or an account: they are not personal data, and they are kept when the
-- device is registered again (by another owner) and when an account is deleted, so none of these tables refers to
-- accounts. They refer to the device catalog without ON DELETE CASCADE: the portal never deletes a catalog entry, and
-- one with a plan (which may have been paid for) cannot be deleted by accident with its plan and history.
--
-- After V21 because the tables refer to device_catalog (V20): numbered V12, this script would run before V20 on a
-- fresh database, and a database already at V21 would refuse it as out of order.

-- The current plan of each device: one row per device that ever had one (a device without a row is on Basic). Every
-- plan but Basic ends; past ends_at the device is on Basic already, until the scheduled job claims the row and
-- records the fall. changed_at is when the row was last written (the changed_at of the latest history entry).
CREATE TABLE device_plan (
    product_id VARCHAR(12)              NOT NULL,
    plan       VARCHAR(16)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT device_plan_pk PRIMARY KEY (product_id),
    CONSTRAINT device_plan_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id),
    CONSTRAINT device_plan_plan_ck CHECK (plan IN ('FREE_PERIOD', 'BASIC', 'STANDARD', 'ADVANCED')),
    -- As in the domain: Basic has no end, every other plan has one, after its start.
    CONSTRAINT device_plan_ends_at_ck CHECK (
        (plan = 'BASIC' AND ends_at IS NULL)
        OR (plan <> 'BASIC' AND ends_at IS NOT NULL AND ends_at > started_at))
);

-- For the scheduled job's claim of the ended plans (ends_at <= now, Basic excluded): Basic's null ends_at is never
-- in the range, so the range alone finds the plans other than Basic.
CREATE INDEX device_plan_ends_at_idx ON device_plan (ends_at);
-- For the free periods that end within the notice window (plan = 'FREE_PERIOD' AND ends_at in a range): the plan
-- leads, so that the paid plans ending in the window are not walked through. A partial index (WHERE plan =
-- 'FREE_PERIOD') would be smaller, but H2 cannot create one.
CREATE INDEX device_plan_free_period_idx ON device_plan (plan, ends_at);

-- Every change of a device's plan, appended in the transaction that changes device_plan. id numbers the rows in the
-- order they were stored: the history runs by it, not by changed_at, as two changes may share an instant (or the
-- clock may have been set back). ends_at is the end the plan was given (none for Basic); source is who made the
-- change: 'portal', or the name of the integration (the store, a reseller's system).
CREATE TABLE device_plan_change (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    product_id VARCHAR(12)              NOT NULL,
    plan       VARCHAR(16)              NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE,
    reason     VARCHAR(32)              NOT NULL,
    source     VARCHAR(64)              NOT NULL,
    CONSTRAINT device_plan_change_pk PRIMARY KEY (id),
    CONSTRAINT device_plan_change_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id),
    CONSTRAINT device_plan_change_plan_ck CHECK (plan IN ('FREE_PERIOD', 'BASIC', 'STANDARD', 'ADVANCED')),
    CONSTRAINT device_plan_change_reason_ck CHECK (reason IN ('FREE_PERIOD_STARTED', 'ACTIVATED', 'EXTENDED', 'ENDED')),
    CONSTRAINT device_plan_change_ends_at_ck CHECK (
        (plan = 'BASIC' AND ends_at IS NULL) OR (plan <> 'BASIC' AND ends_at IS NOT NULL))
);

-- For a device's history in the order of storing, and for the foreign key.
CREATE INDEX device_plan_change_product_idx ON device_plan_change (product_id, id);

-- The free-period notices sent: the notice days_before the end ends_at of the device's free period. Recording it is
-- an insert that the primary key refuses the second time (from a later run or another instance), which is how each
-- notice goes out once; a free period with another end (a device given a new one) has notices of its own. The
-- primary key's index leads with product_id and so also serves the foreign key.
CREATE TABLE plan_notice (
    product_id  VARCHAR(12)              NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    days_before INTEGER                  NOT NULL,
    CONSTRAINT plan_notice_pk PRIMARY KEY (product_id, ends_at, days_before),
    CONSTRAINT plan_notice_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id),
    CONSTRAINT plan_notice_days_before_ck CHECK (days_before >= 1)
);
