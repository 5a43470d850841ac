-- A request id answers for one request: the usage event keeps a digest of the request it charged, so
-- that a reuse of the id with another request (other inputs, another model or version, other outputs)
-- is refused instead of run again free of quota and charge. The digest is of the masked request, as
-- the model got it, so it keeps no personal data the audit trail does not already hold.
-- Events charged before this migration have none: only their own caller may retry them, for the
-- same model and rows (portal-web's InferenceGateway decides).

ALTER TABLE usage_event ADD COLUMN request_digest char(64) CHECK (request_digest ~ '^[0-9a-f]{64}$');
COMMENT ON COLUMN usage_event.request_digest IS 'Lowercase hex SHA-256 of the masked request; NULL before V6';
