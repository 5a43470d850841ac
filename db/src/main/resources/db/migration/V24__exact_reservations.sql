-- Exact quota reservations, attributable and expiring. Near the limit an instance reserves exactly:
-- quota_usage.requests_used/rows_used grow at once, in a transaction of its own, and the settlement
-- comes later. Each open exact reservation is also a row here, naming the instance that holds it and
-- renewed by that instance's lease heartbeat: when the instance dies, the row expires and any other
-- instance's reaper deletes it and gives its amounts back to the usage row. A settlement or release
-- deletes its row first; when the row is gone (reaped), a settlement checks the limit again and a
-- release changes nothing (it was given back already).

CREATE TABLE quota_reservation (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   varchar(40)  NOT NULL,
    model       varchar(100) NOT NULL,
    period      date         NOT NULL,
    instance_id varchar(100) NOT NULL,
    requests    bigint       NOT NULL CHECK (requests >= 0),
    rows        bigint       NOT NULL CHECK (rows >= 0),
    expires_at  timestamptz  NOT NULL,
    FOREIGN KEY (tenant_id, model, period) REFERENCES quota_usage (tenant_id, model, period)
);
CREATE INDEX quota_reservation_instance_idx ON quota_reservation (instance_id);
CREATE INDEX quota_reservation_expiry_idx ON quota_reservation (expires_at);
COMMENT ON TABLE quota_reservation IS
    'Open exact reservations (already counted in quota_usage.*_used) by instance; renewed by its heartbeat, reaped when expired';

GRANT SELECT, INSERT, UPDATE, DELETE ON quota_reservation TO ${appRole};
