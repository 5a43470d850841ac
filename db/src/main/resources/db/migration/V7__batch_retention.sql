-- Retention of batch data: a finished job's lines (inputs, outputs, errors: the results file is made
-- from them on request) are deleted once the job is older than the retention period. The job itself
-- stays as a tombstone (model, caller, counts, status, timestamps) so the department still sees that
-- it ran and that its results expired; its file name goes too, as people name files after people.
-- Usage events and audit events are never deleted: billing and the audit trail need them.

ALTER TABLE batch_job ADD COLUMN purged_at timestamptz;
ALTER TABLE batch_job ALTER COLUMN file_name DROP NOT NULL;
ALTER TABLE batch_job ADD CONSTRAINT batch_job_purged_check
    CHECK (purged_at IS NULL OR (file_name IS NULL AND status IN ('DONE', 'FAILED')));
ALTER TABLE batch_job ADD CONSTRAINT batch_job_file_name_check
    CHECK (file_name IS NOT NULL OR purged_at IS NOT NULL);
CREATE INDEX batch_job_retention_idx ON batch_job (finished_at)
    WHERE purged_at IS NULL AND status IN ('DONE', 'FAILED');
COMMENT ON COLUMN batch_job.purged_at IS
    'When retention deleted the job''s lines and file name; NULL while its results can be fetched';
COMMENT ON COLUMN batch_job.file_name IS 'The uploaded file''s name; NULL once the job was purged';
