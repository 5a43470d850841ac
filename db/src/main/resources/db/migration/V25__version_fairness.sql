-- Fairness recomputed at upload (org.citymaas.portal.models): when the held-out file sent with a version carries
-- a group column per group attribute of the card (group:<attribute>), the portal recomputes the card's fairness
-- report on the version's outputs for those rows (the trainer's FairnessEvaluation) and, when it agrees with the
-- card's declared table, keeps it here as JSON (the card's snake_case "fairness" form). The rows are the held-out
-- file's (held_out_rows, V18). NULL: fairness not recomputed, the card's table is the uploader's claim. Group
-- names in it are the card's own (the measured groups must be exactly the declared ones); never a cell of the file.

ALTER TABLE model_version ADD COLUMN measured_fairness jsonb;
COMMENT ON COLUMN model_version.measured_fairness IS
    'The fairness report recomputed on the held-out file''s rows at upload (JSON), or NULL when not recomputed';
