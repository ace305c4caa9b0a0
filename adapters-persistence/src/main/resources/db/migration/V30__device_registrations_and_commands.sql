-- Devices, step 2: which account a UPS is registered to (with its UPS profile), and the command outbox.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- At most one registration per device (the primary key settles two accounts registering it at once). It goes with
-- the owner's account (ON DELETE CASCADE), so a deleted account's devices may be registered again. company_id is the
-- owner's company: its co-workers see the device, read-only.
CREATE TABLE device_registration (
    product_id    VARCHAR(12)              NOT NULL,
    owner_id      UUID                     NOT NULL,
    company_id    UUID                     NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    name          VARCHAR(64),
    description   VARCHAR(500),
    time_zone     VARCHAR(64)              NOT NULL,
    notifications BOOLEAN                  NOT NULL,
    sensitivity   VARCHAR(8)               NOT NULL,
    CONSTRAINT device_registration_pk PRIMARY KEY (product_id),
    CONSTRAINT device_registration_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id) ON DELETE CASCADE,
    CONSTRAINT device_registration_owner_fk FOREIGN KEY (owner_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT device_registration_sensitivity_ck CHECK (sensitivity IN ('LOW', 'NORMAL', 'HIGH'))
);

CREATE INDEX device_registration_company_idx ON device_registration (company_id);
CREATE INDEX device_registration_owner_idx ON device_registration (owner_id);

-- The command outbox. A pending command is claimed by a dispatcher that holds the device's connection: claiming pushes
-- leased_until forward, so another dispatcher passes over it until the lease ends. The device's PUBACK makes it
-- DELIVERED, its ack OK or FAILED; a pending command past expires_at becomes EXPIRED. issued_by is no foreign key:
-- the command's record outlives its issuer's account.
CREATE TABLE device_command (
    id           VARCHAR(64)              NOT NULL,
    product_id   VARCHAR(12)              NOT NULL,
    type         VARCHAR(32)              NOT NULL,
    argument     VARCHAR(64)              NOT NULL,
    issued_by    UUID                     NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    leased_until TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE,
    settled_at   TIMESTAMP WITH TIME ZONE,
    message      VARCHAR(1024),
    CONSTRAINT device_command_pk PRIMARY KEY (id),
    CONSTRAINT device_command_catalog_fk FOREIGN KEY (product_id) REFERENCES device_catalog (product_id) ON DELETE CASCADE,
    CONSTRAINT device_command_state_ck CHECK (state IN ('PENDING', 'DELIVERED', 'OK', 'FAILED', 'EXPIRED'))
);

CREATE INDEX device_command_pending_idx ON device_command (state, product_id, issued_at);
CREATE INDEX device_command_expiry_idx ON device_command (state, expires_at);

-- The event log reads newest first, by type and severity too.
CREATE INDEX device_event_newest_idx ON device_event (product_id, occurred_at, event_id);
