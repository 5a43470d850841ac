-- Explanations (POST .../explain) are metered as their own kind of usage and priced as their own unit:
-- a usage event says whether it was an inference or an explanation, and a price card may price
-- EXPLANATION (one explained row) apart from REQUEST and ROW, which count inferences only. Events
-- recorded before this migration are inferences.

ALTER TABLE usage_event
    ADD COLUMN kind varchar(20) NOT NULL DEFAULT 'INFER' CHECK (kind IN ('INFER', 'EXPLAIN'));
COMMENT ON COLUMN usage_event.kind IS 'INFER or EXPLAIN: what the request was; priced as different units';

ALTER TABLE price_rate DROP CONSTRAINT price_rate_unit_check;
ALTER TABLE price_rate ADD CONSTRAINT price_rate_unit_check
    CHECK (unit IN ('REQUEST', 'ROW', 'CPU_SECOND', 'GPU_SECOND', 'EXPLANATION'));

-- A batch job may ask for the attribution of each line's answer (extra columns of its results file): its
-- lines then run one by one through the explanation use case, each metered as an explanation.
ALTER TABLE batch_job ADD COLUMN explain boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN batch_job.explain IS 'Whether each line is explained (attribution columns in the results)';
