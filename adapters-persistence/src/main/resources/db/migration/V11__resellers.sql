-- Customers' connections to their reseller (every invitation, the latest of each customer being its current one) and
-- the Reseller page's "Not interested?" setting. Deleting an account deletes both.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The secret links themselves are never stored: accept_token_hash and unsubscribe_token_hash are their SHA-256, in
-- hex. seq numbers the rows in the order they were stored: the latest connection of a customer is the one with the
-- highest seq, as two invitations may share an instant. An INVITED row past expires_at has expired already, until the
-- expiry job (or the customer's next invitation) marks it EXPIRED.
--
-- open_customer_id is customer_id while the connection is open (INVITED or CONNECTED) and null once it ended: its
-- unique constraint is what keeps one open connection per customer, even against two invitations stored at the same
-- moment by different instances. Both databases allow any number of nulls in a unique column, so the ended ones never
-- collide; a partial unique index (WHERE state IN (...)) would say the same more directly, but H2 cannot create one.
CREATE TABLE reseller_connection (
    id                     UUID                     NOT NULL,
    seq                    BIGINT GENERATED ALWAYS AS IDENTITY,
    customer_id            UUID                     NOT NULL,
    open_customer_id       UUID                     NULL,
    reseller_email         VARCHAR(254)             NOT NULL,
    state                  VARCHAR(16)              NOT NULL,
    invited_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    connected_at           TIMESTAMP WITH TIME ZONE,
    ended_at               TIMESTAMP WITH TIME ZONE,
    accept_token_hash      VARCHAR(64)              NOT NULL,
    unsubscribe_token_hash VARCHAR(64)              NOT NULL,
    CONSTRAINT reseller_connection_pk PRIMARY KEY (id),
    CONSTRAINT reseller_connection_open_customer_uk UNIQUE (open_customer_id),
    CONSTRAINT reseller_connection_accept_token_hash_uk UNIQUE (accept_token_hash),
    CONSTRAINT reseller_connection_unsubscribe_token_hash_uk UNIQUE (unsubscribe_token_hash),
    CONSTRAINT reseller_connection_customer_fk FOREIGN KEY (customer_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT reseller_connection_state_ck CHECK (state IN ('INVITED', 'CONNECTED', 'DECLINED', 'EXPIRED',
        'CANCELLED', 'UNSUBSCRIBED', 'DISCONNECTED')),
    -- The guarantee of one open connection per customer holds only if no open row lacks its open_customer_id.
    CONSTRAINT reseller_connection_open_customer_ck CHECK (
        (state IN ('INVITED', 'CONNECTED') AND open_customer_id IS NOT NULL AND open_customer_id = customer_id)
        OR (state NOT IN ('INVITED', 'CONNECTED') AND open_customer_id IS NULL)),
    -- As in the domain: an open connection has not ended, an ended one has.
    CONSTRAINT reseller_connection_ended_at_ck CHECK (
        (state IN ('INVITED', 'CONNECTED') AND ended_at IS NULL)
        OR (state NOT IN ('INVITED', 'CONNECTED') AND ended_at IS NOT NULL))
);

-- For a customer's latest connection (the highest seq of its customer_id), for deleting all of them, and for the
-- account's cascade.
CREATE INDEX reseller_connection_customer_seq_idx ON reseller_connection (customer_id, seq);
-- For the expiry job's claim (state = 'INVITED' AND expires_at <= ?, oldest first): the state leads, so that the ended
-- connections, which pile up, are not walked through. A partial index (WHERE state = 'INVITED') would be smaller, but
-- H2 cannot create one.
CREATE INDEX reseller_connection_expiry_idx ON reseller_connection (state, expires_at);

-- One row per customer who ever set "Not interested?"; a customer without a row is interested (false). The primary
-- key's index also serves the foreign key and the cascade.
CREATE TABLE reseller_preference (
    account_id     UUID    NOT NULL,
    not_interested BOOLEAN NOT NULL,
    CONSTRAINT reseller_preference_pk PRIMARY KEY (account_id),
    CONSTRAINT reseller_preference_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
