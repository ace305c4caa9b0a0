-- What devices tell the server over MQTT (device-protocol.md): the state of each device and its events.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- One row per device of the catalog, made with its catalog entry (so two transactions never race to make it): its last birth, when it was last seen, whether it is
-- connected (and since when it is not), whether its lost communication was reported (the offline grace period),
-- and its latest status by the device's sentAt. Lists (outlet groups, status flags) are comma-separated names.
CREATE TABLE device_state (
    product_id                  VARCHAR(12)              NOT NULL,
    birth_model                 VARCHAR(64),
    birth_serial_number         VARCHAR(64),
    birth_firmware              VARCHAR(64),
    birth_smart_connect_enabled BOOLEAN,
    birth_battery_sku           VARCHAR(64),
    birth_battery_installed_on  DATE,
    birth_outlet_groups         VARCHAR(400),
    birth_sent_at               TIMESTAMP WITH TIME ZONE,
    last_seen_at                TIMESTAMP WITH TIME ZONE,
    connected                   BOOLEAN                  NOT NULL,
    disconnected_at             TIMESTAMP WITH TIME ZONE,
    communication_lost          BOOLEAN                  NOT NULL,
    status_flags                VARCHAR(400),
    status_seq                  BIGINT,
    battery_charge_percent      INTEGER,
    battery_runtime_seconds     INTEGER,
    load_percent                DOUBLE PRECISION,
    input_voltage               DOUBLE PRECISION,
    output_voltage              DOUBLE PRECISION,
    temperature_c               DOUBLE PRECISION,
    status_sent_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT device_state_pk PRIMARY KEY (product_id),
    CONSTRAINT device_state_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id) ON DELETE CASCADE
);

-- The devices imported before this migration.
INSERT INTO device_state (product_id, connected, communication_lost)
    SELECT product_id, FALSE, FALSE FROM device_catalog;

-- For the offline grace job: the devices not reported yet that are disconnected, or connected but unseen for long.
CREATE INDEX device_state_grace_idx ON device_state (communication_lost, connected, disconnected_at, last_seen_at);

-- Each event once per device: a redelivered eventId hits the primary key and is skipped. occurred_at is the
-- device's time, received_at the server's; the details are the event's JSON object as text.
CREATE TABLE device_event (
    product_id  VARCHAR(12)              NOT NULL,
    event_id    VARCHAR(64)              NOT NULL,
    type        VARCHAR(64)              NOT NULL,
    severity    VARCHAR(8)               NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    details     VARCHAR(16384)           NOT NULL,
    CONSTRAINT device_event_pk PRIMARY KEY (product_id, event_id),
    CONSTRAINT device_event_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id) ON DELETE CASCADE,
    CONSTRAINT device_event_severity_ck CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL'))
);

CREATE INDEX device_event_occurred_idx ON device_event (product_id, occurred_at);
