-- Login sessions, known by the hash of their token, and the failed logins of recent minutes that slow down the next.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The token itself is never stored: token_hash is its SHA-256, in hex. Deleting an account ends its sessions.
CREATE TABLE session (
    id                UUID                     NOT NULL,
    token_hash        VARCHAR(64)              NOT NULL,
    account_id        UUID                     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    two_factor_passed BOOLEAN                  NOT NULL,
    CONSTRAINT session_pk PRIMARY KEY (id),
    CONSTRAINT session_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT session_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- For ending every session of an account (logout everywhere, password change) and for the cascade.
CREATE INDEX session_account_idx ON session (account_id);

-- One row per failed login and key ("email:..." or "client:..."); only counts and times, never passwords.
CREATE TABLE login_failure (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    failure_key VARCHAR(320)             NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_failure_pk PRIMARY KEY (id)
);

-- For the count and the newest failure of a key within the window, and for the housekeeping of a key's old rows.
CREATE INDEX login_failure_key_failed_idx ON login_failure (failure_key, failed_at);
