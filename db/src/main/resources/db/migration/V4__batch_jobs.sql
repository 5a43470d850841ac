-- CSV batch scoring: a job per uploaded file and one row per data line of it. Each row runs as one
-- governed inference request (request id batch-<job>-<line>), so a job that was running when the
-- portal stopped is resumed by re-running the rows without a result under the same request ids.

CREATE TABLE batch_job (
    id            uuid         PRIMARY KEY,
    tenant_id     varchar(40)  NOT NULL REFERENCES department (slug),
    caller        varchar(100) NOT NULL,
    caller_sub    varchar(100) NOT NULL,
    caller_kind   varchar(20)  NOT NULL,
    model         varchar(100) NOT NULL,
    model_version varchar(40),
    file_name     varchar(200) NOT NULL,
    columns       jsonb        NOT NULL,
    total_rows    integer      NOT NULL CHECK (total_rows > 0),
    status        varchar(20)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    ok_rows       integer      NOT NULL DEFAULT 0 CHECK (ok_rows >= 0),
    failed_rows   integer      NOT NULL DEFAULT 0 CHECK (failed_rows >= 0),
    created_at    timestamptz  NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    CHECK (ok_rows + failed_rows <= total_rows)
);
CREATE INDEX batch_job_tenant_idx ON batch_job (tenant_id, created_at DESC);
CREATE INDEX batch_job_unfinished_idx ON batch_job (status) WHERE status IN ('QUEUED', 'RUNNING');
COMMENT ON TABLE batch_job IS 'An uploaded CSV scored row by row; ok_rows + failed_rows is the progress';
COMMENT ON COLUMN batch_job.caller_kind IS 'USER or SERVICE: who the resumed rows run (and are audited) as';
COMMENT ON COLUMN batch_job.columns IS 'The file''s header, in its order (the results file repeats it)';
COMMENT ON COLUMN batch_job.model_version IS 'NULL: the default (or the department''s pinned) version';

CREATE TABLE batch_row (
    job_id        uuid         NOT NULL REFERENCES batch_job (id) ON DELETE CASCADE,
    line          integer      NOT NULL CHECK (line > 1),
    input         jsonb        NOT NULL,
    request_id    varchar(100) NOT NULL,
    output        jsonb,
    error_status  integer,
    error_message text,
    errors        jsonb,
    finished_at   timestamptz,
    PRIMARY KEY (job_id, line),
    CHECK (output IS NULL OR error_status IS NULL)
);
COMMENT ON TABLE batch_row IS 'One data line of a batch file; finished_at NULL means it still has to run';
COMMENT ON COLUMN batch_row.line IS 'Line number in the uploaded file (the header is line 1)';
COMMENT ON COLUMN batch_row.input IS 'The line''s cells by column name: as uploaded while the line waits to run (a resumed job re-runs it), masked as the model saw them once it has run';
COMMENT ON COLUMN batch_row.errors IS 'For a 400: the fields at fault, [{field, rule, message}], as the API answers them';
COMMENT ON COLUMN batch_row.output IS 'The v2 answer of the row''s request';

GRANT SELECT, INSERT, UPDATE, DELETE ON batch_job, batch_row TO ${appRole};
