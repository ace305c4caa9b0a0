-- The status history of devices (the charts of the UPS status page): per device, one row per time bucket, folded
-- from the statuses as they arrive (updated in place), five-minute buckets for the last day's chart and hourly ones for
-- up to 90 days (SMARTCONNECT_STATUS_HISTORY_DAYS). For each of battery charge, runtime, load and input voltage: how many
-- values, their minimum, sum (the mean is sum / count) and maximum, in 4-byte columns: the budget is 10 KB a device a
-- day (BENCHMARKS.md), and single precision is far finer than a chart. No foreign key to the catalog: a key check on
-- each new bucket would cost the ingest, and the pruning job deletes old buckets whatever their device.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.
CREATE TABLE status_history_five_minutes (
    product_id          VARCHAR(12)              NOT NULL,
    bucket_start        TIMESTAMP WITH TIME ZONE NOT NULL,
    charge_count        INTEGER                  NOT NULL,
    charge_min          REAL                     NOT NULL,
    charge_sum          REAL                     NOT NULL,
    charge_max          REAL                     NOT NULL,
    runtime_count       INTEGER                  NOT NULL,
    runtime_min         REAL                     NOT NULL,
    runtime_sum         REAL                     NOT NULL,
    runtime_max         REAL                     NOT NULL,
    load_count          INTEGER                  NOT NULL,
    load_min            REAL                     NOT NULL,
    load_sum            REAL                     NOT NULL,
    load_max            REAL                     NOT NULL,
    input_voltage_count INTEGER                  NOT NULL,
    input_voltage_min   REAL                     NOT NULL,
    input_voltage_sum   REAL                     NOT NULL,
    input_voltage_max   REAL                     NOT NULL,
    CONSTRAINT status_history_five_minutes_pk PRIMARY KEY (product_id, bucket_start)
);

CREATE TABLE status_history_hourly (
    product_id          VARCHAR(12)              NOT NULL,
    bucket_start        TIMESTAMP WITH TIME ZONE NOT NULL,
    charge_count        INTEGER                  NOT NULL,
    charge_min          REAL                     NOT NULL,
    charge_sum          REAL                     NOT NULL,
    charge_max          REAL                     NOT NULL,
    runtime_count       INTEGER                  NOT NULL,
    runtime_min         REAL                     NOT NULL,
    runtime_sum         REAL                     NOT NULL,
    runtime_max         REAL                     NOT NULL,
    load_count          INTEGER                  NOT NULL,
    load_min            REAL                     NOT NULL,
    load_sum            REAL                     NOT NULL,
    load_max            REAL                     NOT NULL,
    input_voltage_count INTEGER                  NOT NULL,
    input_voltage_min   REAL                     NOT NULL,
    input_voltage_sum   REAL                     NOT NULL,
    input_voltage_max   REAL                     NOT NULL,
    CONSTRAINT status_history_hourly_pk PRIMARY KEY (product_id, bucket_start)
);
