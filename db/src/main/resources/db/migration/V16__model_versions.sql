-- The lifecycle of model versions in the model repository (org.citymaas.portal.models): uploaded versions
-- are STAGED until a second platform admin approves them (PUBLISHED), then may be DEPRECATED and RETIRED
-- (calls to a retired version answer 410 naming its replacement). The SavedModel and its card live on disk
-- (citymaas.models.directory); a version on disk without a row here is a shipped one, PUBLISHED.
-- Which version answers calls that name none is model_default; no row: the repository's model.json.

CREATE TABLE model_version (
    model               varchar(100) NOT NULL,
    version             varchar(40)  NOT NULL,
    state               varchar(12)  NOT NULL CHECK (state IN ('STAGED', 'PUBLISHED', 'DEPRECATED', 'RETIRED')),
    uploaded_by         varchar(100),
    uploaded_at         timestamptz,
    archive_sha256      char(64)     CHECK (archive_sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes          bigint       CHECK (size_bytes >= 0),
    approved_by         varchar(100),
    approved_at         timestamptz,
    deprecated_at       timestamptz,
    retired_by          varchar(100),
    retired_at          timestamptz,
    replacement_version varchar(40),
    PRIMARY KEY (model, version),
    CHECK (approved_by IS NULL OR uploaded_by IS NULL OR approved_by <> uploaded_by),
    CHECK (state <> 'RETIRED' OR (retired_at IS NOT NULL AND replacement_version IS NOT NULL))
);
COMMENT ON TABLE model_version IS
    'Lifecycle of uploaded (and of retired or deprecated shipped) model versions; four eyes: approver is not uploader';

CREATE TABLE model_default (
    model            varchar(100) PRIMARY KEY,
    version          varchar(40)  NOT NULL,
    previous_version varchar(40),
    changed_by       varchar(100) NOT NULL,
    changed_at       timestamptz  NOT NULL
);
COMMENT ON TABLE model_default IS 'The version answering calls that name none, and the one before it (roll back)';

GRANT SELECT, INSERT, UPDATE ON model_version, model_default TO ${appRole};
