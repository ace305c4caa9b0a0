-- The sign-up: companies, accounts, the registrations that become them, and the outbox of the mails they cause.
-- Written for both H2 (regular mode) and PostgreSQL: unquoted names, portable types only.

CREATE TABLE company (
    id               UUID                     NOT NULL,
    name             VARCHAR(200)             NOT NULL,
    business_type    VARCHAR(200)             NOT NULL,
    area_of_focus    VARCHAR(200),
    industry_segment VARCHAR(200),
    address          VARCHAR(200)             NOT NULL,
    city             VARCHAR(200)             NOT NULL,
    zip_code         VARCHAR(20)              NOT NULL,
    state_province   VARCHAR(200)             NOT NULL,
    country          VARCHAR(2)               NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT company_pk PRIMARY KEY (id)
);

CREATE TABLE account (
    id                  UUID                     NOT NULL,
    email               VARCHAR(254)             NOT NULL,
    first_name          VARCHAR(100)             NOT NULL,
    last_name           VARCHAR(100)             NOT NULL,
    country             VARCHAR(2)               NOT NULL,
    password_hash       VARCHAR(500)             NOT NULL,
    company_id          UUID                     NOT NULL,
    marketing_opt_in    BOOLEAN                  NOT NULL,
    privacy_accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_pk PRIMARY KEY (id),
    -- One mailbox, one account: the adapter relies on this constraint to settle concurrent sign-ups.
    CONSTRAINT account_email_uk UNIQUE (email),
    CONSTRAINT account_company_fk FOREIGN KEY (company_id) REFERENCES company (id)
);

CREATE INDEX account_company_idx ON account (company_id);

-- A sign-up for an address that already has an account keeps no details: those columns are all null then.
CREATE TABLE registration (
    id                       UUID                     NOT NULL,
    email                    VARCHAR(254)             NOT NULL,
    first_name               VARCHAR(100),
    last_name                VARCHAR(100),
    country                  VARCHAR(2),
    password_hash            VARCHAR(500),
    company_name             VARCHAR(200),
    company_business_type    VARCHAR(200),
    company_area_of_focus    VARCHAR(200),
    company_industry_segment VARCHAR(200),
    company_address          VARCHAR(200),
    company_city             VARCHAR(200),
    company_zip_code         VARCHAR(20),
    company_state_province   VARCHAR(200),
    company_country          VARCHAR(2),
    marketing_opt_in         BOOLEAN,
    privacy_accepted_at      TIMESTAMP WITH TIME ZONE,
    code_hash                VARCHAR(500)             NOT NULL,
    code_sent_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    code_expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts          INTEGER                  NOT NULL,
    status                   VARCHAR(16)              NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT registration_pk PRIMARY KEY (id),
    CONSTRAINT registration_status_ck CHECK (status IN ('PENDING', 'VERIFIED')),
    CONSTRAINT registration_details_ck CHECK (
        (first_name IS NULL AND last_name IS NULL AND country IS NULL AND password_hash IS NULL
            AND company_name IS NULL AND company_business_type IS NULL AND company_address IS NULL
            AND company_city IS NULL AND company_zip_code IS NULL AND company_state_province IS NULL
            AND company_country IS NULL AND marketing_opt_in IS NULL AND privacy_accepted_at IS NULL
            AND company_area_of_focus IS NULL AND company_industry_segment IS NULL
            AND status = 'PENDING')
        OR (first_name IS NOT NULL AND last_name IS NOT NULL AND country IS NOT NULL AND password_hash IS NOT NULL
            AND company_name IS NOT NULL AND company_business_type IS NOT NULL AND company_address IS NOT NULL
            AND company_city IS NOT NULL AND company_zip_code IS NOT NULL AND company_state_province IS NOT NULL
            AND company_country IS NOT NULL AND marketing_opt_in IS NOT NULL AND privacy_accepted_at IS NOT NULL))
);

-- "values" is a reserved word in both databases, hence template_values.
CREATE TABLE mail_outbox (
    id              UUID                     NOT NULL,
    recipient       VARCHAR(254)             NOT NULL,
    template        VARCHAR(64)              NOT NULL,
    template_values VARCHAR(20000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    abandoned_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id)
);

-- For the dispatchers' claim query (sent_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= ?, in order of
-- next_attempt_at): the null tests lead, so that settled mails, which pile up, are not walked through. A partial
-- index (WHERE sent_at IS NULL AND abandoned_at IS NULL) would be smaller, but H2 cannot create one.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (sent_at, abandoned_at, next_attempt_at);
