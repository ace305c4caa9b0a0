-- Event notifications: the notifications of each registered device, and the throttle of each device.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The notifications of a device go with its registration (ON DELETE CASCADE): unregistering the device, or deleting its
-- owner's account, deletes them, and a device registered again starts with the default notification of its new owner.
-- Lists are comma-separated: recipients (lower-case addresses, in the order given, at most 10), severities and event
-- types (upper-case names). seq numbers the rows in the order they were made, which is the order of the settings.
CREATE TABLE event_notification (
    id          UUID                     NOT NULL,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    product_id  VARCHAR(12)              NOT NULL,
    recipients  VARCHAR(2600)            NOT NULL,
    severities  VARCHAR(32)              NOT NULL,
    event_types VARCHAR(2100)            NOT NULL,
    email       BOOLEAN                  NOT NULL,
    CONSTRAINT event_notification_pk PRIMARY KEY (id),
    CONSTRAINT event_notification_registration_fk FOREIGN KEY (product_id)
        REFERENCES device_registration (product_id) ON DELETE CASCADE
);

-- For a device's notifications in order (the settings, and the delivery's read of a batch's devices), and the cascade.
CREATE INDEX event_notification_product_idx ON event_notification (product_id, seq);

-- The flood guard of each device (NotificationThrottle): the times of its last notifications sent (at most 6, epoch
-- milliseconds, oldest first, comma-separated) and, while its notifications are disabled, until when. A row is made
-- the first time an event of the device matches a notification. It belongs to the device, not to its registration:
-- a disabling outlives an unregistering, as the flood it answers came from the device.
CREATE TABLE notification_throttle (
    product_id     VARCHAR(12)              NOT NULL,
    recent_sends   VARCHAR(128)             NOT NULL,
    disabled_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_throttle_pk PRIMARY KEY (product_id),
    CONSTRAINT notification_throttle_catalog_fk FOREIGN KEY (product_id)
        REFERENCES device_catalog (product_id) ON DELETE CASCADE
);

-- For the job that re-enables the devices whose 7 days are over (disabled_until <= now).
CREATE INDEX notification_throttle_disabled_idx ON notification_throttle (disabled_until);
