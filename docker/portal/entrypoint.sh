#!/bin/sh
# Starts the portal on Payara Micro. Every setting comes from the environment: the portal reads
# CITYMAAS_* variables through MicroProfile Config (CITYMAAS_OIDC_ISSUER is citymaas.oidc.issuer, ...).
set -eu

missing=""
for name in CITYMAAS_DB_URL CITYMAAS_DB_PASSWORD CITYMAAS_DB_OWNER_USER CITYMAAS_DB_OWNER_PASSWORD \
    CITYMAAS_OIDC_ISSUER CITYMAAS_OIDC_CLIENT_SECRET CITYMAAS_MASKING_MASTER_SECRET; do
    eval "value=\${$name:-}"
    [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
    echo "citymaas: missing environment variables:$missing (see docker/README.md)" >&2
    exit 64
fi

# Short names accepted for the provisioner; the portal reads citymaas.keycloak.provisioner.*
export CITYMAAS_KEYCLOAK_PROVISIONER_CLIENT_ID="${CITYMAAS_KEYCLOAK_PROVISIONER_CLIENT_ID:-${CITYMAAS_PROVISIONER_CLIENT_ID:-citymaas-provisioner}}"
export CITYMAAS_KEYCLOAK_PROVISIONER_SECRET="${CITYMAAS_KEYCLOAK_PROVISIONER_SECRET:-${CITYMAAS_PROVISIONER_SECRET:-}}"
# Keycloak's base URL for the portal's own calls (admin API): the issuer without /realms/<realm>, unless given
export CITYMAAS_KEYCLOAK_URL="${CITYMAAS_KEYCLOAK_URL:-${CITYMAAS_OIDC_ISSUER%/realms/*}}"
export CITYMAAS_KEYCLOAK_REALM="${CITYMAAS_KEYCLOAK_REALM:-${CITYMAAS_OIDC_ISSUER##*/realms/}}"
# The audit log's Ed25519 signing key lives outside the database: every instance mounts the same
# directory (a shared volume or a secret); the first instance to start creates the key pair there.
export CITYMAAS_AUDIT_KEY_DIRECTORY="${CITYMAAS_AUDIT_KEY_DIRECTORY:-${CITYMAAS_KEYS_DIR:-/var/lib/citymaas/keys}}"
mkdir -p "$CITYMAAS_AUDIT_KEY_DIRECTORY"
# Every signed audit checkpoint is also published here, write-once, outside the database: a verifier
# compares the database's chain with the newest published one (deleted newest events are caught).
export CITYMAAS_AUDIT_PUBLISHED_DIRECTORY="${CITYMAAS_AUDIT_PUBLISHED_DIRECTORY:-/var/lib/citymaas/published-checkpoints}"
mkdir -p "$CITYMAAS_AUDIT_PUBLISHED_DIRECTORY"
export CITYMAAS_AUDIT_ARCHIVE_DIRECTORY="${CITYMAAS_AUDIT_ARCHIVE_DIRECTORY:-/var/lib/citymaas/audit-archive}"
mkdir -p "$CITYMAAS_AUDIT_ARCHIVE_DIRECTORY"
# TensorFlow's native libraries are unpacked here on first start (about 600 MB): keep it on a volume
cache="${CITYMAAS_RUNTIME_CACHE:-/var/cache/citymaas}"
mkdir -p "$cache/javacpp" "$cache/djl" "$cache/catalog"
export DJL_CACHE_DIR="$cache/djl"
export CITYMAAS_RUNTIME_CATALOG_CACHE="${CITYMAAS_RUNTIME_CATALOG_CACHE:-$cache/catalog}"
# The model repository (every model version: SavedModel + card), seeded with the shipped models on first
# start; published versions are added here: keep it on a volume that every replica mounts
export CITYMAAS_MODELS_DIRECTORY="${CITYMAAS_MODELS_DIRECTORY:-/var/lib/citymaas/models}"
mkdir -p "$CITYMAAS_MODELS_DIRECTORY"

# Where the image keeps Payara Micro and the WAR (the base image's PAYARA_DIR and DEPLOY_DIR); the portal's
# integration test runs this script outside a container with its own folders and port
payara="${PAYARA_DIR:-/opt/payara}"
deployments="${DEPLOY_DIR:-$payara/deployments}"

# --nocluster: instances share PostgreSQL and Keycloak, not a Hazelcast cluster (sessions stay on the
# instance that signed the browser in: the load balancer keeps a browser on one instance)
# shellcheck disable=SC2086
exec java -XX:+UseContainerSupport -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-70}" \
    -Dai.djl.offline=true -Dorg.bytedeco.javacpp.cachedir="$cache/javacpp" \
    -Dai.djl.tensorflow.num_interop_threads=-1 -Dai.djl.tensorflow.num_intraop_threads=1 \
    ${JAVA_OPTS:-} \
    -jar "$payara/payara-micro.jar" \
    --nocluster --disablephonehome --port "${CITYMAAS_HTTP_PORT:-8080}" \
    --prebootcommandfile "$payara/citymaas-pre-boot-commands.txt" \
    --deploy "$deployments/citymaas.war"
