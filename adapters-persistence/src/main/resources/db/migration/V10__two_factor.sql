-- Two-factor authentication: each account's setting, its recovery codes, the codes mailed to it, and the logins that
-- passed the password and wait for the second factor. Deleting an account deletes all of them.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- At most one setting per account, on (enabled) or an enrolment waiting for its first code. The authenticator secret
-- is kept only sealed (encrypted by the application) and only for TOTP; its text is opaque here, up to about 200
-- characters, with room for a longer sealing scheme. last_used_step is the TOTP time step of the last code accepted
-- (-1 before any): it only grows, so that no code works twice.
CREATE TABLE two_factor (
    account_id         UUID                     NOT NULL,
    method             VARCHAR(16)              NOT NULL,
    sealed_totp_secret VARCHAR(500),
    last_used_step     BIGINT                   NOT NULL,
    enabled            BOOLEAN                  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT two_factor_pk PRIMARY KEY (account_id),
    CONSTRAINT two_factor_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT two_factor_method_ck CHECK (method IN ('TOTP', 'EMAIL')),
    CONSTRAINT two_factor_secret_ck CHECK (
        (method = 'TOTP' AND sealed_totp_secret IS NOT NULL) OR (method = 'EMAIL' AND sealed_totp_secret IS NULL)),
    CONSTRAINT two_factor_last_used_step_ck CHECK (last_used_step >= -1)
);

-- The unused recovery codes of an account; a code is used by deleting its row. The codes themselves are never
-- stored: code_hash is the SHA-256 of the normalised code, in hex. They refer to the account, not to its setting:
-- replacing the setting keeps them. The primary key's index leads with account_id and so also serves the count,
-- the foreign key and the cascade.
CREATE TABLE recovery_code (
    account_id UUID        NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT recovery_code_pk PRIMARY KEY (account_id, code_hash),
    CONSTRAINT recovery_code_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- The code mailed to an account, one per purpose (a new one replaces the earlier), used once. The code itself is
-- never stored: code_hash is its Argon2 hash, a PHC string of about 100 characters. The primary key's index leads
-- with account_id and so also serves the foreign key and the cascade.
CREATE TABLE two_factor_code (
    account_id      UUID                     NOT NULL,
    purpose         VARCHAR(16)              NOT NULL,
    code_hash       VARCHAR(255)             NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    CONSTRAINT two_factor_code_pk PRIMARY KEY (account_id, purpose),
    CONSTRAINT two_factor_code_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT two_factor_code_purpose_ck CHECK (purpose IN ('LOGIN', 'ENROLMENT', 'CONFIRMATION')),
    CONSTRAINT two_factor_code_failed_attempts_ck CHECK (failed_attempts >= 0)
);

-- Logins that passed the password and wait for the second factor. The token the client holds is never stored:
-- token_hash is its SHA-256, in hex.
CREATE TABLE login_challenge (
    id              UUID                     NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    account_id      UUID                     NOT NULL,
    method          VARCHAR(16)              NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    CONSTRAINT login_challenge_pk PRIMARY KEY (id),
    CONSTRAINT login_challenge_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT login_challenge_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT login_challenge_method_ck CHECK (method IN ('TOTP', 'EMAIL')),
    CONSTRAINT login_challenge_failed_attempts_ck CHECK (failed_attempts >= 0)
);

-- For ending every open challenge of an account (its password or two-factor authentication changed) and for the
-- cascade.
CREATE INDEX login_challenge_account_idx ON login_challenge (account_id);
