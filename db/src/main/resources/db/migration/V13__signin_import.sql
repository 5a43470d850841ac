-- Keycloak's failed sign-ins are brought into the audit log (counted and sampled) by every portal
-- instance's timer; this row says how far the import has come, so that each failure is counted once
-- whichever instance reads it, and an instance that was down catches up. An instance holds the row
-- (SELECT ... FOR UPDATE) while it reads Keycloak and writes the audit events, in one transaction.
CREATE TABLE signin_import (
    source text PRIMARY KEY CHECK (source IN ('keycloak')),
    imported_until timestamptz NOT NULL,
    ids_at_until text NOT NULL DEFAULT ''
);
COMMENT ON TABLE signin_import IS 'How far the failed sign-ins of an identity provider are in the audit log';
COMMENT ON COLUMN signin_import.imported_until IS 'The time of the newest event imported';
COMMENT ON COLUMN signin_import.ids_at_until IS
    'Space-separated ids of the events at exactly imported_until already imported (several share a millisecond)';

INSERT INTO signin_import (source, imported_until) VALUES ('keycloak', now());

GRANT SELECT, UPDATE ON signin_import TO ${appRole};
