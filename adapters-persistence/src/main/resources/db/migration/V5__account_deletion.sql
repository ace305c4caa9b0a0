-- Account deletion: the bare record that an account was deleted, and an outbox that forgets whom it wrote to.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- Only an id and a time: nothing of the person, not even which account it was.
CREATE TABLE account_deletion (
    id         UUID                     NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_deletion_pk PRIMARY KEY (id)
);

-- A mail that is sent or abandoned keeps no recipient (null); one that is still to be sent always keeps it.
ALTER TABLE mail_outbox ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_recipient_ck
    CHECK (recipient IS NOT NULL OR sent_at IS NOT NULL OR abandoned_at IS NOT NULL);

-- Mails settled before this version kept their recipient; from now on a settled mail keeps none.
UPDATE mail_outbox SET recipient = NULL WHERE sent_at IS NOT NULL OR abandoned_at IS NOT NULL;
