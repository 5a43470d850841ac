-- Access requests (portal-web org.citymaas.portal.access): a department's staff or tenant admin asks for a
-- published catalog model with a justification; a platform admin grants it (the subscription and its monthly
-- quota are then made through the subscriptions boundary, as for any grant) or refuses it with a reason.
-- The justification and the reason are people's own text: they live here only, never in the audit log
-- (its events name the request's id, the model and the outcome).
CREATE TABLE access_request (
    id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     varchar(40)   NOT NULL REFERENCES department (slug),
    model         varchar(100)  NOT NULL,
    requested_by  varchar(100)  NOT NULL,
    requested_at  timestamptz   NOT NULL DEFAULT now(),
    justification varchar(1000) NOT NULL CHECK (length(btrim(justification)) > 0),
    status        varchar(8)    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'GRANTED', 'REFUSED')),
    decided_by    varchar(100),
    decided_at    timestamptz,
    reason        varchar(500),
    request_limit bigint        CHECK (request_limit >= 0),
    row_limit     bigint        CHECK (row_limit >= 0),
    CHECK ((status = 'PENDING') = (decided_by IS NULL AND decided_at IS NULL)),
    CHECK (status <> 'REFUSED' OR length(btrim(reason)) > 0),
    CHECK (status <> 'GRANTED' OR (request_limit IS NOT NULL AND row_limit IS NOT NULL))
);
-- one pending request per department and model; decided ones are history
CREATE UNIQUE INDEX access_request_one_pending ON access_request (tenant_id, model) WHERE status = 'PENDING';
CREATE INDEX access_request_status_idx ON access_request (status, requested_at);
COMMENT ON TABLE access_request IS
    'A department''s request for a catalog model: justification kept here only (never audited), decision and quota';

GRANT SELECT, INSERT, UPDATE ON access_request TO ${appRole};
