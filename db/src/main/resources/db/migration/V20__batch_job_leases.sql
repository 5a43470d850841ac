-- Batch job leases: with several portal instances on one database, a queued or running job is run by
-- the one instance that holds its lease. An instance takes a job's lease when it stores an upload, or
-- in its periodic sweep (SELECT ... FOR UPDATE SKIP LOCKED of the jobs nobody holds or whose lease
-- expired), renews it by a heartbeat while it runs the job, and clears it when the job ends or pauses.
-- Each chunk of results commits only while its instance still holds the lease (a fence), so a job
-- another instance took over is never kept, charged or audited twice.

ALTER TABLE batch_job
    ADD COLUMN leased_by        varchar(100),
    ADD COLUMN lease_expires_at timestamptz,
    ADD CONSTRAINT batch_job_lease_check CHECK ((leased_by IS NULL) = (lease_expires_at IS NULL));
COMMENT ON COLUMN batch_job.leased_by IS
    'The portal instance running the job (its quota lease instance id); NULL when nobody runs it';
COMMENT ON COLUMN batch_job.lease_expires_at IS
    'When another instance may take the job over: renewed by the holder''s heartbeat (database clock)';
