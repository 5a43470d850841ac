-- Monthly chargeback (org.citymaas.billing): price cards, billing accounts and statements.
-- Amounts are CNY: exact amounts at scale 9, rounded amounts in fen (scale 2). Months are calendar
-- months in Asia/Shanghai, stored as their first day.

-- Usage events get a sequence number in commit order per department: the usage ledger takes a shared
-- advisory lock per department before it inserts, and issuing a statement takes the same lock
-- exclusively, so no event with a lower seq can commit after an issue read the usage. An issued
-- statement keeps the highest seq it covers; later usage of its month is corrected in a later statement.
ALTER TABLE usage_event ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE usage_event ADD CONSTRAINT usage_event_seq_key UNIQUE (seq);
COMMENT ON COLUMN usage_event.seq IS 'Increasing per insert; with the advisory lock, commit order per department';

-- Price cards are never edited: a later card supersedes one from its month (insert-only for the app).
CREATE TABLE price_card (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model           varchar(100)  NOT NULL CHECK (length(trim(model)) > 0),
    model_version   varchar(40)   CHECK (model_version IS NULL OR length(trim(model_version)) > 0),
    effective_from  date          NOT NULL CHECK (extract(day FROM effective_from) = 1),
    monthly_minimum numeric(14,2) NOT NULL CHECK (monthly_minimum >= 0),
    created_by      varchar(100)  NOT NULL,
    created_at      timestamptz   NOT NULL
);
CREATE UNIQUE INDEX price_card_slot_key ON price_card (model, coalesce(model_version, ''), effective_from);
COMMENT ON TABLE price_card IS 'A model''s (or one version''s) prices from a month onward; never edited';
COMMENT ON COLUMN price_card.model_version IS 'NULL: every version without a card of its own';

CREATE TABLE price_rate (
    card_id        bigint        NOT NULL REFERENCES price_card (id),
    unit           varchar(20)   NOT NULL CHECK (unit IN ('REQUEST', 'ROW', 'CPU_SECOND', 'GPU_SECOND')),
    charge_model   varchar(20)   NOT NULL CHECK (charge_model IN ('PER_UNIT', 'GRADUATED', 'VOLUME', 'PACKAGE')),
    package_size   numeric(24,6) CHECK (package_size > 0),
    free_allowance numeric(24,6) NOT NULL CHECK (free_allowance >= 0),
    PRIMARY KEY (card_id, unit)
);
CREATE TABLE price_tier (
    card_id    bigint        NOT NULL,
    unit       varchar(20)   NOT NULL,
    tier_no    integer       NOT NULL CHECK (tier_no >= 1),
    up_to      numeric(24,6) CHECK (up_to > 0),
    unit_price numeric(24,9) NOT NULL CHECK (unit_price >= 0),
    flat_fee   numeric(24,9) NOT NULL CHECK (flat_fee >= 0),
    PRIMARY KEY (card_id, unit, tier_no),
    FOREIGN KEY (card_id, unit) REFERENCES price_rate (card_id, unit)
);
COMMENT ON COLUMN price_tier.up_to IS 'The month''s quantity up to which (inclusive) the tier applies; NULL: no end';

-- Who pays: the finance system's cost centre and the person who reviews the department's drafts.
CREATE TABLE billing_account (
    tenant_id     varchar(40)  PRIMARY KEY REFERENCES department (slug),
    cost_centre   varchar(40)  NOT NULL CHECK (length(trim(cost_centre)) > 0),
    budget_holder varchar(100) NOT NULL CHECK (length(trim(budget_holder)) > 0),
    updated_by    varchar(100) NOT NULL,
    updated_at    timestamptz  NOT NULL
);

-- One department's month: DRAFT -> ISSUED -> VOID (OPEN months are never stored).
CREATE TABLE statement (
    id               uuid          PRIMARY KEY,
    tenant_id        varchar(40)   NOT NULL REFERENCES department (slug),
    month            date          NOT NULL CHECK (extract(day FROM month) = 1),
    status           varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'VOID')),
    number           varchar(20)   UNIQUE CHECK (number ~ '^CM-[0-9]{4}-[0-9]{6}$'),
    name_zh          varchar(100)  NOT NULL,
    name_en          varchar(100)  NOT NULL,
    cost_centre      varchar(40)   NOT NULL,
    budget_holder    varchar(100)  NOT NULL,
    total            numeric(16,2) NOT NULL,
    checkpoint_seq   bigint,
    checkpoint_hash  char(64),
    usage_high_water bigint        NOT NULL CHECK (usage_high_water >= 0),
    computed_at      timestamptz   NOT NULL,
    issued_at        timestamptz,
    issued_by        varchar(100),
    review_accepted  boolean,
    review_comment   text,
    review_by        varchar(100),
    review_at        timestamptz,
    void_reason      text,
    voided_by        varchar(100),
    voided_at        timestamptz,
    CHECK ((status IN ('ISSUED', 'VOID')) = (number IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK ((status = 'VOID') = (void_reason IS NOT NULL AND length(trim(void_reason)) > 0)),
    CHECK ((checkpoint_seq IS NULL) = (checkpoint_hash IS NULL)),
    CHECK (review_accepted IS NOT NULL OR review_by IS NULL)
);
CREATE UNIQUE INDEX statement_month_key ON statement (tenant_id, month) WHERE status <> 'VOID';
CREATE INDEX statement_month_idx ON statement (month);
COMMENT ON TABLE statement IS 'A department''s monthly statement; ISSUED and VOID ones are immutable';
COMMENT ON COLUMN statement.usage_high_water IS 'The highest usage_event.seq of the department it covers';

CREATE TABLE statement_line (
    statement_id       uuid          NOT NULL REFERENCES statement (id),
    line_no            integer       NOT NULL CHECK (line_no >= 1),
    kind               varchar(20)   NOT NULL CHECK (kind IN ('USAGE', 'MINIMUM_TRUE_UP', 'CORRECTION')),
    model              varchar(100)  NOT NULL,
    model_version      varchar(40)   NOT NULL,
    unit               varchar(20),
    charge_model       varchar(20),
    list_unit_price    numeric(24,9),
    quantity           numeric(24,6) NOT NULL,
    free_quantity      numeric(24,6) NOT NULL,
    amount             numeric(24,9) NOT NULL,
    rounded            numeric(18,2) NOT NULL,
    rows               bigint        NOT NULL,
    compute_ms         numeric(24,3) NOT NULL,
    device             varchar(20),
    usage_month        date          NOT NULL CHECK (extract(day FROM usage_month) = 1),
    corrects           varchar(20),
    requests           bigint        NOT NULL CHECK (requests >= 0),
    request_ids_digest char(64)      NOT NULL CHECK (request_ids_digest ~ '^[0-9a-f]{64}$'),
    last_request_id    varchar(100),
    checkpoint_seq     bigint,
    checkpoint_hash    char(64),
    PRIMARY KEY (statement_id, line_no)
);
CREATE INDEX statement_line_corrects_idx ON statement_line (corrects) WHERE corrects IS NOT NULL;

CREATE TABLE statement_line_tier (
    statement_id uuid          NOT NULL,
    line_no      integer       NOT NULL,
    tier_no      integer       NOT NULL CHECK (tier_no >= 1),
    quantity     numeric(24,6) NOT NULL,
    unit_price   numeric(24,9) NOT NULL,
    flat_fee     numeric(24,9) NOT NULL,
    amount       numeric(24,9) NOT NULL,
    PRIMARY KEY (statement_id, line_no, tier_no),
    FOREIGN KEY (statement_id, line_no) REFERENCES statement_line (statement_id, line_no)
);

-- The last number given per fiscal year; updated in the issuing transaction, so a rollback leaves no gap.
CREATE TABLE statement_number (
    fiscal_year integer PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 9999),
    last_number integer NOT NULL CHECK (last_number BETWEEN 1 AND 999999)
);

-- An issued or void statement cannot change, except once from ISSUED to VOID (status and void fields
-- only); a statement is inserted as a DRAFT. As for the audit log, the triggers hold for the owner too.
CREATE FUNCTION statement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'a statement is created as a DRAFT, not %', NEW.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'DRAFT' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'ISSUED' AND NEW.status = 'VOID'
        AND to_jsonb(NEW) - 'status' - 'void_reason' - 'voided_by' - 'voided_at'
          = to_jsonb(OLD) - 'status' - 'void_reason' - 'voided_by' - 'voided_at' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'statement % is % and cannot change: % refused', OLD.number, OLD.status, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION statement_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_status varchar(10);
BEGIN
    SELECT status INTO parent_status FROM statement
     WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.statement_id ELSE OLD.statement_id END;
    IF parent_status = 'DRAFT' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'the lines of a % statement cannot change: % on % refused', parent_status, TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION statement_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'statements are kept: TRUNCATE on % refused', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER statement_immutable BEFORE INSERT OR UPDATE OR DELETE ON statement
    FOR EACH ROW EXECUTE FUNCTION statement_guard();
CREATE TRIGGER statement_line_immutable BEFORE INSERT OR UPDATE OR DELETE ON statement_line
    FOR EACH ROW EXECUTE FUNCTION statement_line_guard();
CREATE TRIGGER statement_line_tier_immutable BEFORE INSERT OR UPDATE OR DELETE ON statement_line_tier
    FOR EACH ROW EXECUTE FUNCTION statement_line_guard();
CREATE TRIGGER statement_no_truncate BEFORE TRUNCATE ON statement
    FOR EACH STATEMENT EXECUTE FUNCTION statement_refuse_truncate();
CREATE TRIGGER statement_line_no_truncate BEFORE TRUNCATE ON statement_line
    FOR EACH STATEMENT EXECUTE FUNCTION statement_refuse_truncate();
CREATE TRIGGER statement_line_tier_no_truncate BEFORE TRUNCATE ON statement_line_tier
    FOR EACH STATEMENT EXECUTE FUNCTION statement_refuse_truncate();

GRANT SELECT, INSERT ON price_card, price_rate, price_tier TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON billing_account TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON statement TO ${appRole};
GRANT SELECT, INSERT, DELETE ON statement_line, statement_line_tier TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON statement_number TO ${appRole};
