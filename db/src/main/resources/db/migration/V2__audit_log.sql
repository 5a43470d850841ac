-- The tamper-evident audit log (org.citymaas.security.audit).
-- Each event's hash covers its canonical content and the previous event's hash; the chain head is
-- signed now and then (audit_checkpoint). The application's role ${appRole} may only read and append:
-- no UPDATE, DELETE or TRUNCATE. Triggers refuse those even for the owner, so that only a deliberate
-- act (disabling the triggers as owner or superuser) can change history, and the chain shows it.

CREATE TABLE audit_event (
    seq             bigint       PRIMARY KEY CHECK (seq > 0),
    occurred_at     timestamptz  NOT NULL,
    actor           varchar(200) NOT NULL,
    actor_type      varchar(10)  NOT NULL CHECK (actor_type IN ('user', 'service', 'anonymous')),
    tenant          varchar(40),
    action          varchar(100) NOT NULL,
    resource        varchar(500) NOT NULL,
    outcome         varchar(20)  NOT NULL,
    http_status     integer,
    client_address  varchar(64),
    request_id      varchar(100),
    request_digest  char(64),
    response_digest char(64),
    summary         text,
    prev_hash       char(64)     NOT NULL UNIQUE,
    hash            char(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_tenant_idx ON audit_event (tenant, occurred_at);
COMMENT ON TABLE audit_event IS
    'Append-only, hash-chained audit events; seq 1.. without gaps; UNIQUE prev_hash forbids forks';

CREATE TABLE audit_checkpoint (
    seq       bigint      PRIMARY KEY CHECK (seq > 0),
    head_hash char(64)    NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    char(64)    NOT NULL,
    signature text        NOT NULL
);
COMMENT ON TABLE audit_checkpoint IS
    'The chain head at seq, signed with the platform Ed25519 key (key_id: SHA-256 of the public key)';

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

GRANT SELECT, INSERT ON audit_event, audit_checkpoint TO ${appRole};
