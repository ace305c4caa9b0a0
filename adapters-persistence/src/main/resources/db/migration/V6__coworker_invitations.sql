-- Co-worker invitations, known by the hash of their token, and the sign-ups that join a company through one.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

-- The token itself is never stored: token_hash is its SHA-256, in hex. Expiry is not stored: a PENDING invitation
-- past expires_at has expired. Deleting the company deletes its invitations; deleting the account that sent one
-- keeps the invitation and forgets its sender (invited_by null).
CREATE TABLE coworker_invitation (
    id         UUID                     NOT NULL,
    company_id UUID                     NOT NULL,
    invited_by UUID,
    email      VARCHAR(254)             NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    CONSTRAINT coworker_invitation_pk PRIMARY KEY (id),
    CONSTRAINT coworker_invitation_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT coworker_invitation_company_fk FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE,
    CONSTRAINT coworker_invitation_invited_by_fk FOREIGN KEY (invited_by) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT coworker_invitation_status_ck CHECK (status IN ('PENDING', 'ACCEPTED', 'CANCELLED'))
);

-- For the pending invitations of one address in a company, for a company's list, and for the company's cascade.
CREATE INDEX coworker_invitation_company_email_idx ON coworker_invitation (company_id, email);
-- For forgetting the sender when an account is deleted (PostgreSQL does not index a foreign key by itself).
CREATE INDEX coworker_invitation_invited_by_idx ON coworker_invitation (invited_by);

-- A sign-up through an invitation keeps the company it joins and the invitation instead of the company page. No
-- foreign keys: a pending sign-up may outlive its invitation (or company), which verification checks.
ALTER TABLE registration ADD COLUMN join_company_id UUID;
ALTER TABLE registration ADD COLUMN join_invitation_id UUID;

-- Details are all null (a sign-up for an existing account), or the person's with either the company page (founds
-- a company) or the company and invitation it joins, never both.
ALTER TABLE registration DROP CONSTRAINT registration_details_ck;
ALTER TABLE registration ADD CONSTRAINT registration_details_ck CHECK (
    (first_name IS NULL AND last_name IS NULL AND country IS NULL AND password_hash IS NULL
        AND company_name IS NULL AND company_business_type IS NULL AND company_address IS NULL
        AND company_city IS NULL AND company_zip_code IS NULL AND company_state_province IS NULL
        AND company_country IS NULL AND marketing_opt_in IS NULL AND privacy_accepted_at IS NULL
        AND company_area_of_focus IS NULL AND company_industry_segment IS NULL
        AND join_company_id IS NULL AND join_invitation_id IS NULL
        AND status = 'PENDING')
    OR (first_name IS NOT NULL AND last_name IS NOT NULL AND country IS NOT NULL AND password_hash IS NOT NULL
        AND marketing_opt_in IS NOT NULL AND privacy_accepted_at IS NOT NULL
        AND ((company_name IS NOT NULL AND company_business_type IS NOT NULL AND company_address IS NOT NULL
                AND company_city IS NOT NULL AND company_zip_code IS NOT NULL AND company_state_province IS NOT NULL
                AND company_country IS NOT NULL
                AND join_company_id IS NULL AND join_invitation_id IS NULL)
            OR (company_name IS NULL AND company_business_type IS NULL AND company_address IS NULL
                AND company_city IS NULL AND company_zip_code IS NULL AND company_state_province IS NULL
                AND company_country IS NULL AND company_area_of_focus IS NULL AND company_industry_segment IS NULL
                AND join_company_id IS NOT NULL AND join_invitation_id IS NOT NULL))));
