-- Budgets and budget alerts (issue 11, item 6). Months are calendar months in Asia/Shanghai; a month
-- is stored as its first day, like quota and usage periods.
--
-- department_budget holds each department's current budget only: setting it replaces the row and
-- clearing it deletes the row. Its history is the audit log, where the portal writes every change.

CREATE TABLE department_budget (
    tenant_id     varchar(40)   PRIMARY KEY REFERENCES department (slug),
    monthly_limit numeric(14,2) NOT NULL CHECK (monthly_limit > 0),
    enforcement   varchar(10)   NOT NULL CHECK (enforcement IN ('SOFT', 'HARD')),
    set_by        varchar(100)  NOT NULL CHECK (length(trim(set_by)) > 0),
    set_at        timestamptz   NOT NULL
);
COMMENT ON TABLE department_budget IS 'A department''s monthly budget in CNY; no row means no budget';
COMMENT ON COLUMN department_budget.enforcement IS
    'SOFT: alerts only; HARD: also refuse new requests once the month-to-date cost reaches the budget';

-- One row per department, month and alert kind once the threshold was first crossed. The key makes a
-- crossing fire once even when two portal instances evaluate it at the same time; the application
-- changes a row only with conditional statements (INSERT ... ON CONFLICT DO NOTHING, UPDATE ... WHERE
-- resolved_at IS [NOT] NULL), so only one of them sees its change.
CREATE TABLE budget_alert (
    tenant_id   varchar(40) NOT NULL REFERENCES department (slug),
    period      date        NOT NULL CHECK (extract(day FROM period) = 1),
    kind        varchar(20) NOT NULL CHECK (kind IN ('ACTUAL_50', 'ACTUAL_80', 'ACTUAL_100', 'FORECAST_100')),
    fired_at    timestamptz NOT NULL,
    observed    numeric     NOT NULL,
    budget      numeric(14,2) NOT NULL CHECK (budget > 0),
    times_fired integer     NOT NULL DEFAULT 1 CHECK (times_fired >= 1),
    resolved_at timestamptz,
    PRIMARY KEY (tenant_id, period, kind)
);
CREATE INDEX budget_alert_active_idx ON budget_alert (period) WHERE resolved_at IS NULL;
COMMENT ON TABLE budget_alert IS 'Budget alert state per department, month and kind; active while resolved_at is NULL';
COMMENT ON COLUMN budget_alert.observed IS
    'CNY the last firing compared with the budget: the month-to-date cost, or the month-end forecast for FORECAST_100';
COMMENT ON COLUMN budget_alert.budget IS 'The budget in CNY when the alert last fired';
COMMENT ON COLUMN budget_alert.times_fired IS 'How often it fired this month: again after each resolve';

GRANT SELECT, INSERT, UPDATE, DELETE ON department_budget TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON budget_alert TO ${appRole};
