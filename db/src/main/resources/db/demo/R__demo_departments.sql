-- Demo departments of the dev run and the tests; they match docker/keycloak/citymaas-realm.json.
-- Applied only when the demo data is switched on (citymaas.demo=true); never in production.
INSERT INTO department (id, slug, name_zh, name_en, status, keycloak_group_id, api_client_id, created_at)
VALUES ('00000000-0000-4000-8000-000000000001', 'transport',   '交通运输局',     'Transport Bureau',          'ACTIVE', NULL, 'transport-api',   now()),
       ('00000000-0000-4000-8000-000000000002', 'education',   '教育局',         'Education Bureau',          'ACTIVE', NULL, 'education-api',   now()),
       ('00000000-0000-4000-8000-000000000003', 'health',      '卫生健康委员会', 'Health Commission',         'ACTIVE', NULL, 'health-api',      now()),
       ('00000000-0000-4000-8000-000000000004', 'environment', '生态环境局',     'Ecology and Environment Bureau', 'ACTIVE', NULL, 'environment-api', now()),
       ('00000000-0000-4000-8000-000000000005', 'hotline',     '12345市民服务热线', '12345 Citizen Hotline',   'ACTIVE', NULL, 'hotline-api',     now())
ON CONFLICT (slug) DO NOTHING;
