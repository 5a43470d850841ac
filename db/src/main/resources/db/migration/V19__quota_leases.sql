-- Quota leases: a portal instance holds a block of a month's quota for a department's model and
-- serves reservations from it in memory; settlement moves what was used from its lease to "used".
-- quota_usage keeps the sum of the live leases of its row, so that every check reads one locked row:
-- requests_used + requests_leased <= request_limit (and the same for rows) at every commit.

ALTER TABLE quota_usage
    ADD COLUMN requests_leased bigint NOT NULL DEFAULT 0 CHECK (requests_leased >= 0),
    ADD COLUMN rows_leased     bigint NOT NULL DEFAULT 0 CHECK (rows_leased >= 0);
COMMENT ON COLUMN quota_usage.requests_leased IS 'Sum of quota_lease.requests of this row: held by instances, not used';

CREATE TABLE quota_lease (
    tenant_id   varchar(40)  NOT NULL,
    model       varchar(100) NOT NULL,
    period      date         NOT NULL,
    instance_id varchar(100) NOT NULL,
    requests    bigint       NOT NULL CHECK (requests >= 0),
    rows        bigint       NOT NULL CHECK (rows >= 0),
    expires_at  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, model, period, instance_id),
    FOREIGN KEY (tenant_id, model, period) REFERENCES quota_usage (tenant_id, model, period)
);
CREATE INDEX quota_lease_expiry_idx ON quota_lease (expires_at);
COMMENT ON TABLE quota_lease IS
    'Quota held by a portal instance (not used yet); renewed by its heartbeat, deleted when it stops or expires';

GRANT SELECT, INSERT, UPDATE, DELETE ON quota_lease TO ${appRole};
