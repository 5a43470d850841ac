-- Reads for the usage report and a caller's own history (portal-web's usage component).
-- The report reads usage_event by (tenant_id, period), which usage_event_period_idx covers already.
-- "My history" reads a caller's newest inference events, and finds the first successful audit
-- event of a request id (the one that was charged) to join its usage.

CREATE INDEX audit_event_actor_idx ON audit_event (actor, seq);
CREATE INDEX audit_event_request_idx ON audit_event (tenant, request_id) WHERE request_id IS NOT NULL;
