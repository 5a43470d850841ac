-- Declared metrics recomputed at upload (org.citymaas.portal.models): when a platform admin sends a held-out
-- file with a version, the portal runs its rows through the version, recomputes each metric of the card (and
-- its baseline) and keeps both numbers here; held_out_rows says on how many rows. No held-out file: NULL and
-- no metric rows ("metrics not recomputed"). Names and numbers only, never the file.

ALTER TABLE model_version ADD COLUMN held_out_rows integer CHECK (held_out_rows > 0);

CREATE TABLE model_version_metric (
    model             varchar(100)     NOT NULL,
    version           varchar(40)      NOT NULL,
    metric            varchar(100)     NOT NULL,
    declared          double precision NOT NULL,
    measured          double precision NOT NULL,
    baseline          text,
    declared_baseline double precision,
    measured_baseline double precision,
    PRIMARY KEY (model, version, metric),
    FOREIGN KEY (model, version) REFERENCES model_version (model, version) ON DELETE CASCADE
);
COMMENT ON TABLE model_version_metric IS
    'A version''s declared metrics as recomputed on the held-out file sent with its upload';

GRANT SELECT, INSERT ON model_version_metric TO ${appRole};
