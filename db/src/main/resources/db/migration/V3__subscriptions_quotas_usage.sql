-- Which department may run which catalog model, its monthly quota, and what it used.
-- Months are calendar months in Asia/Shanghai; a period is stored as the month's first day.

CREATE TABLE subscription (
    id             uuid         PRIMARY KEY,
    tenant_id      varchar(40)  NOT NULL REFERENCES department (slug),
    model          varchar(100) NOT NULL,
    pinned_version varchar(40),
    granted_by     varchar(100) NOT NULL,
    granted_at     timestamptz  NOT NULL,
    UNIQUE (tenant_id, model)
);
COMMENT ON COLUMN subscription.pinned_version IS 'NULL: every version of the model; else only this one';

CREATE TABLE quota (
    tenant_id     varchar(40)  NOT NULL REFERENCES department (slug),
    model         varchar(100) NOT NULL,
    request_limit bigint       NOT NULL CHECK (request_limit >= 0),
    row_limit     bigint       NOT NULL CHECK (row_limit >= 0),
    updated_by    varchar(100) NOT NULL,
    updated_at    timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, model)
);
COMMENT ON TABLE quota IS 'Monthly limits per department and model; no row means no limit (still counted)';

CREATE TABLE quota_usage (
    tenant_id     varchar(40)  NOT NULL REFERENCES department (slug),
    model         varchar(100) NOT NULL,
    period        date         NOT NULL CHECK (extract(day FROM period) = 1),
    requests_used bigint       NOT NULL DEFAULT 0 CHECK (requests_used >= 0),
    rows_used     bigint       NOT NULL DEFAULT 0 CHECK (rows_used >= 0),
    PRIMARY KEY (tenant_id, model, period)
);
COMMENT ON TABLE quota_usage IS 'Reserved and settled use per month; reservations are atomic UPDATEs of one row';

CREATE TABLE usage_event (
    tenant_id     varchar(40)   NOT NULL REFERENCES department (slug),
    request_id    varchar(100)  NOT NULL,
    caller        varchar(100)  NOT NULL,
    model         varchar(100)  NOT NULL,
    model_version varchar(40)   NOT NULL,
    rows          integer       NOT NULL CHECK (rows >= 0),
    compute_ms    numeric(12,3) NOT NULL CHECK (compute_ms >= 0),
    device        varchar(40)   NOT NULL,
    outcome       varchar(20)   NOT NULL,
    occurred_at   timestamptz   NOT NULL,
    period        date          NOT NULL CHECK (extract(day FROM period) = 1),
    PRIMARY KEY (tenant_id, request_id)
);
CREATE INDEX usage_event_period_idx ON usage_event (tenant_id, period, model);
COMMENT ON TABLE usage_event IS 'One metered request; the key makes a retry with the same request id count once';

GRANT SELECT, INSERT, UPDATE, DELETE ON subscription, quota TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON quota_usage TO ${appRole};
GRANT SELECT, INSERT ON usage_event TO ${appRole};
