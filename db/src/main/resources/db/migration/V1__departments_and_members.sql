-- Departments (the tenants) and their members.
-- The application connects as ${appRole}; the schema owner runs these migrations.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE ${appRole} LOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO ${appRole};

CREATE TABLE department (
    id                uuid         PRIMARY KEY,
    slug              varchar(40)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_zh           varchar(100) NOT NULL CHECK (length(trim(name_zh)) > 0),
    name_en           varchar(100) NOT NULL CHECK (length(trim(name_en)) > 0),
    status            varchar(20)  NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED')),
    keycloak_group_id varchar(64),
    api_client_id     varchar(100),
    created_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0
);
COMMENT ON TABLE department IS 'A city department: one tenant of CityMaaS';

CREATE TABLE member (
    id               uuid         PRIMARY KEY,
    tenant_id        varchar(40)  NOT NULL REFERENCES department (slug),
    username         varchar(100) NOT NULL,
    display_name     varchar(200) NOT NULL,
    email            varchar(200),
    roles            varchar(200) NOT NULL,
    keycloak_user_id varchar(64),
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, username)
);
CREATE INDEX member_tenant_idx ON member (tenant_id);
COMMENT ON TABLE member IS 'A person of a department known to CityMaaS; credentials live in Keycloak';

GRANT SELECT, INSERT, UPDATE, DELETE ON department, member TO ${appRole};
