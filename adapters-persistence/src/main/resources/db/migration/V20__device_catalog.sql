-- The device catalog: the manufacturing record of every UPS the server knows (device-protocol.md, "Device catalog").
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The Product Key and the device secret are never stored in clear: their SHA-256, in hex (high-entropy machine
-- secrets; the secret is checked on every device connect, so a slow password hash would not do).
CREATE TABLE device_catalog (
    product_id           VARCHAR(12)              NOT NULL,
    product_key_hash     VARCHAR(64)              NOT NULL,
    device_secret_hash   VARCHAR(64)              NOT NULL,
    model                VARCHAR(64)              NOT NULL,
    serial_number        VARCHAR(64)              NOT NULL,
    battery_sku          VARCHAR(64)              NOT NULL,
    battery_installed_on DATE                     NOT NULL,
    warranty_ends_on     DATE                     NOT NULL,
    imported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT device_catalog_pk PRIMARY KEY (product_id)
);
