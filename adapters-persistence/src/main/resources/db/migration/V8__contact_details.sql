-- Contact details of an account: the language the portal and its mails speak, and the phone and job role that a
-- connected reseller is given with the company name. Accounts of before speak English (the default fills them).
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.
ALTER TABLE account ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
ALTER TABLE account ADD COLUMN phone VARCHAR(40) NULL;
ALTER TABLE account ADD COLUMN job_role VARCHAR(100) NULL;
