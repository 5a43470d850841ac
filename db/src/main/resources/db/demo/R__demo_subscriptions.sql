-- Demo subscriptions of the dev run and the tests: each demo department runs its own catalog model.
-- Applied only when the demo data is switched on (citymaas.demo=true); never in production.
INSERT INTO subscription (id, tenant_id, model, pinned_version, granted_by, granted_at)
VALUES ('00000000-0000-4000-8000-000000000101', 'transport',   'traffic-flow-forecast',   NULL, 'demo-data', now()),
       ('00000000-0000-4000-8000-000000000102', 'education',   'education-score-predict', NULL, 'demo-data', now()),
       ('00000000-0000-4000-8000-000000000103', 'environment', 'air-quality-forecast',    NULL, 'demo-data', now()),
       ('00000000-0000-4000-8000-000000000104', 'hotline',     'complaint-routing',       NULL, 'demo-data', now()),
       ('00000000-0000-4000-8000-000000000105', 'health',      'health-risk',             NULL, 'demo-data', now())
ON CONFLICT (tenant_id, model) DO NOTHING;
