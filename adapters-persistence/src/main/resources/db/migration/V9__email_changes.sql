-- Requested changes of an account's e-mail address, waiting for the code mailed to the new address.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- At most one pending change per account (account_id is unique): a new request replaces the earlier one. The code
-- itself is never stored: code_hash is its Argon2 hash, a PHC string of about 100 characters. address_taken marks a
-- change to an address that has an account: its code was never mailed, so no code can confirm it. Deleting an
-- account deletes its pending change. The unique constraint's index also serves the foreign key and the cascade.
CREATE TABLE email_change (
    id              UUID                     NOT NULL,
    account_id      UUID                     NOT NULL,
    new_email       VARCHAR(254)             NOT NULL,
    address_taken   BOOLEAN                  NOT NULL,
    code_hash       VARCHAR(255)             NOT NULL,
    code_sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    code_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER                  NOT NULL,
    codes_sent      INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_change_pk PRIMARY KEY (id),
    CONSTRAINT email_change_account_uk UNIQUE (account_id),
    CONSTRAINT email_change_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
