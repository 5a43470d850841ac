-- Live use of the models, for drift (portal-web README, "Live use and drift"): how many predictions each
-- department's answered inferences made per model version, calendar month (Asia/Shanghai) and bin of the
-- version card's prediction_reference. Only counts: no input, no answer, no request, no person. Each
-- portal instance counts in memory and adds its counts here every interval (ON CONFLICT ... + excluded),
-- so several instances add safely; a crash loses at most one interval's counts of that instance.

CREATE TABLE prediction_count (
    tenant_id   varchar(40)  NOT NULL REFERENCES department (slug),
    model       varchar(100) NOT NULL,
    version     varchar(40)  NOT NULL,
    month       date         NOT NULL CHECK (extract(day FROM month) = 1),
    bin         smallint     NOT NULL CHECK (bin >= 0),
    predictions bigint       NOT NULL CHECK (predictions >= 0),
    PRIMARY KEY (month, tenant_id, model, version, bin)
);
COMMENT ON TABLE prediction_count IS
    'Predictions per department, model version, month (first day, Asia/Shanghai) and prediction_reference bin';

GRANT SELECT, INSERT, UPDATE ON prediction_count TO ${appRole};
