-- Indexes for the auditors' event search (org.citymaas.security.audit.control.EventSearch).
-- Every search reads newest first by chain position (ORDER BY seq DESC, keyset pages: seq < cursor), so
-- each filter gets an index led by what it compares and ending in seq: PostgreSQL walks it backwards from
-- the cursor and stops after a page. Every append writes every index, and the audit append is on every
-- request, so: one index per filter that needs one, partial where most rows need no entry, and two
-- older indexes replaced rather than kept alongside: V2's (tenant, occurred_at), which nothing reads, and
-- V5's (tenant, request_id), whose one reader (AuditLog.firstOutcomes: a department's request ids) the new
-- (request_id, seq) index serves as well.
-- Filters that need none of their own: actor (V5's audit_event_actor_idx is (actor, seq) already), the
-- time range (V2's audit_event_occurred_idx: a range of at most 20,000 events is read whole through it
-- and sorted, a wider one is walked in seq order like any other filter), the HTTP status (checked row by
-- row, with the statistics at the end).

-- The model an event concerns: models/<name> and anything below it (inference, batches, price cards),
-- and a department's subscription or quota of it; NULL for everything else. SQL, immutable: the planner
-- inlines it both in the index and in the search's condition, so the two match.
CREATE FUNCTION audit_resource_model(resource text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE
            WHEN resource LIKE 'models/%' THEN split_part(resource, '/', 2)
            WHEN resource ~ '^tenants/[^/]+/(subscriptions|quotas)/[^/]+$' THEN split_part(resource, '/', 4)
        END
    $$;
COMMENT ON FUNCTION audit_resource_model(text) IS
    'The model name in an audit resource path (models/<name>/..., tenants/<t>/subscriptions|quotas/<name>), else NULL';

-- Department: one department's events (its refusals, its inference...), the filter auditors start with.
CREATE INDEX audit_event_tenant_seq_idx ON audit_event (tenant, seq);
DROP INDEX audit_event_tenant_idx;

-- Action category (the part before the first dot: batch, api, subscription, quota...). Serves exact
-- actions too: an exact action is read through its category and checked row by row, and a category holds
-- few actions, so one index does for both. Inference is most of the traffic and has no entries: a search
-- that asks for no inference action adds the literal "split_part(action, '.', 1) <> 'inference'" so
-- that the planner can use this index; one that does ask for inference reads the primary key (most rows
-- match) or another filter's index.
CREATE INDEX audit_event_category_seq_idx ON audit_event ((split_part(action, '.', 1)), seq)
    WHERE split_part(action, '.', 1) <> 'inference';

-- Model, by the function above.
CREATE INDEX audit_event_model_seq_idx ON audit_event ((audit_resource_model(resource)), seq);

-- Outcome: only the rows that are not OK, which are the ones auditors look for (refused, rejected,
-- failed) and a small part of the traffic; a search for outcomes without OK adds the literal
-- "outcome <> 'OK'" so that the planner can use this index. OK rows are most rows: a search for them
-- walks the primary key.
CREATE INDEX audit_event_outcome_seq_idx ON audit_event (outcome, seq) WHERE outcome <> 'OK';

-- Client address, exact: what one address did, e.g. after a flood of refused tokens.
CREATE INDEX audit_event_client_seq_idx ON audit_event (client_address, seq) WHERE client_address IS NOT NULL;

-- Request id, exact, with or without a department (V5's index, which it replaces, needed the department).
CREATE INDEX audit_event_request_seq_idx ON audit_event (request_id, seq) WHERE request_id IS NOT NULL;
DROP INDEX audit_event_request_idx;

-- Not an index, no cost to an append: statistics on how outcome and HTTP status go together (REJECTED
-- with 429 is a quota refusal), gathered by ANALYZE. Without them the planner multiplies the two
-- selectivities, expects a handful of rows for "REJECTED, 429", and sorts every REJECTED event instead of
-- walking the outcome index down to a page.
CREATE STATISTICS audit_event_outcome_status_stats (dependencies, mcv) ON outcome, http_status FROM audit_event;
