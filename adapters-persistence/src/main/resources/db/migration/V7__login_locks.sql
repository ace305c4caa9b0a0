-- One row per e-mail address that was ever tried at login: locking it (SELECT ... FOR UPDATE) makes the attempts
-- of one address wait for one another on every instance, so a parallel burst is throttled like a sequence.
CREATE TABLE login_lock (
    lock_key VARCHAR(320) NOT NULL,
    CONSTRAINT login_lock_pk PRIMARY KEY (lock_key)
);
