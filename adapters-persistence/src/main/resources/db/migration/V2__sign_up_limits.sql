-- How many codes a registration was sent (at most three), and the per-address count of recent sign-ups.
ALTER TABLE registration ADD COLUMN codes_sent INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE registration ADD CONSTRAINT registration_codes_sent_ck CHECK (codes_sent BETWEEN 1 AND 3);
CREATE INDEX registration_email_created_idx ON registration (email, created_at);
