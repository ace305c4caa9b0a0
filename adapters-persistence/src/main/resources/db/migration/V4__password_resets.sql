-- Password reset links, known by the hash of their token.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The token itself is never stored: token_hash is its SHA-256, in hex. used_at is set when the link sets a new
-- password, or when another link of the account does. Deleting an account deletes its links.
CREATE TABLE password_reset (
    id         UUID                     NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    account_id UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT password_reset_pk PRIMARY KEY (id),
    CONSTRAINT password_reset_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT password_reset_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- For the count of an account's recent links (at most three an hour), for retiring its links, and for the cascade.
CREATE INDEX password_reset_account_created_idx ON password_reset (account_id, created_at);
