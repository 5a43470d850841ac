#!/bin/bash
# Runs once, when the postgres container initializes an empty data directory: the portal's database
# (owned by the role that runs the Flyway migrations), the portal's application role and Keycloak's
# database. Passwords come from the container's environment (compose.yaml).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set owner_password="$CITYMAAS_DB_OWNER_PASSWORD" \
    --set app_password="$CITYMAAS_DB_PASSWORD" \
    --set keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE citymaas_owner LOGIN PASSWORD :'owner_password';
-- the migrations grant this role what it may do (audit tables insert-only, row-level security)
CREATE ROLE citymaas_app LOGIN PASSWORD :'app_password';
CREATE DATABASE citymaas OWNER citymaas_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE citymaas FROM PUBLIC;
GRANT CONNECT ON DATABASE citymaas TO citymaas_app;

CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
