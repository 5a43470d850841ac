-- Retention of the audit log (org.citymaas.security.audit.boundary.AuditRetention). Audit events stay
-- online for at least 180 days (the Cybersecurity Law of the PRC, art. 21: network logs kept no less than
-- six months); older ones may be removed, but only as a PREFIX of the chain (seq from the online start up
-- to a signed checkpoint), only after they were exported as a verified evidence bundle, and only through
-- audit_remove_prefix below, which records every removal in audit_removal and checks that the removal is
-- itself an event of the chain. The chain's first online event then links to the head hash of that
-- checkpoint: the anchor verifiers start from.
--
-- Why a SECURITY DEFINER function and not a second connection as the owner: the application never holds
-- the owner's credentials, and the function can delete nothing but what its checks allow (a prefix, up
-- to a signed checkpoint whose head hash is the chain's, the head kept, every event at least 180 days
-- old, the removal recorded). The application's role still has no DELETE on audit_event.
--
-- The row trigger that refused every UPDATE and DELETE (V2) is split in two: UPDATE is refused as before,
-- for everyone; a DELETE passes only for rows inside a removal that audit_remove_prefix recorded in the
-- same transaction, which only the owner (through the function) can record. TRUNCATE stays refused.
-- An owner or superuser who inserts into audit_removal by hand could delete too: as with switching the
-- triggers off (V2), that takes a deliberate act, and audit_removal, append-only, keeps the trace.

CREATE TABLE audit_removal (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_seq      bigint      NOT NULL CHECK (from_seq > 0),
    to_seq        bigint      NOT NULL,
    event_count   bigint      NOT NULL,
    anchor_hash   char(64)    NOT NULL,
    bundle_file   varchar(200) NOT NULL,
    bundle_sha256 char(64)    NOT NULL CHECK (bundle_sha256 ~ '^[0-9a-f]{64}$'),
    event_seq     bigint      NOT NULL,
    removed_at    timestamptz NOT NULL DEFAULT now(),
    removed_by    text        NOT NULL DEFAULT session_user,
    xact          bigint      NOT NULL DEFAULT txid_current(),
    CHECK (to_seq >= from_seq AND event_count = to_seq - from_seq + 1 AND event_seq > to_seq)
);
CREATE INDEX audit_removal_xact_idx ON audit_removal (xact);
COMMENT ON TABLE audit_removal IS
    'Each removal of a prefix of the audit chain by retention: the seq range, the archive bundle and its SHA-256,'
    ' the checkpoint at to_seq that anchors the new start (anchor_hash), and the audit event recording it';
COMMENT ON COLUMN audit_removal.xact IS 'The transaction that removed the events: the delete trigger lets only it through';

CREATE TRIGGER audit_removal_append_only BEFORE UPDATE OR DELETE ON audit_removal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_removal_no_truncate BEFORE TRUNCATE ON audit_removal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE FUNCTION audit_event_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_removal
               WHERE xact = txid_current() AND OLD.seq BETWEEN from_seq AND to_seq) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: DELETE of seq % refused (only a retention removal through'
        ' audit_remove_prefix deletes, and only the start of the chain)', OLD.seq
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_delete_by_retention_only BEFORE DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_guard_delete();

-- Removes the events p_from_seq..p_to_seq; returns how many. Refused unless: p_from_seq is the first
-- event online (a prefix, never a hole), a checkpoint is signed at p_to_seq and its head hash is the
-- stored hash there (the new start's anchor), the head stays online (p_to_seq below the newest event),
-- every removed event occurred at least 180 days ago, and p_event_seq is an event after the range whose
-- action is audit.retention.remove and whose resource names the range (the removal on the record; the
-- caller appends it in the same transaction). Takes the chain lock (EventAppender.CHAIN_LOCK) so that
-- appends wait until the removal commits.
CREATE FUNCTION audit_remove_prefix(p_from_seq bigint, p_to_seq bigint, p_bundle_file text,
                                    p_bundle_sha256 text, p_event_seq bigint)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_start   bigint;
    v_head    bigint;
    v_anchor  text;
    v_hash    text;
    v_newest  timestamptz;
    v_removed bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(4857541737233867825);
    SELECT min(seq), max(seq) INTO v_start, v_head FROM audit_event;
    IF v_start IS NULL OR p_from_seq IS DISTINCT FROM v_start THEN
        RAISE EXCEPTION 'retention removes only the start of the audit chain: it starts at seq %, not %',
            v_start, p_from_seq USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_to_seq IS NULL OR p_to_seq < p_from_seq THEN
        RAISE EXCEPTION 'no events to remove in seq %..%', p_from_seq, p_to_seq USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_to_seq >= v_head THEN
        RAISE EXCEPTION 'the chain head (seq %) stays online: retention may remove up to seq % at most',
            v_head, v_head - 1 USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT head_hash INTO v_anchor FROM audit_checkpoint WHERE seq = p_to_seq;
    IF v_anchor IS NULL THEN
        RAISE EXCEPTION 'retention removes up to a signed checkpoint only: none is signed at seq %', p_to_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT hash INTO v_hash FROM audit_event WHERE seq = p_to_seq;
    IF v_hash IS DISTINCT FROM v_anchor THEN
        RAISE EXCEPTION 'the chain''s hash at seq % is not the head hash signed there: verify the chain first', p_to_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT max(occurred_at) INTO v_newest FROM audit_event WHERE seq BETWEEN p_from_seq AND p_to_seq;
    IF v_newest > now() - interval '180 days' THEN
        RAISE EXCEPTION 'audit events stay online for at least 180 days: seq %..% holds an event of %',
            p_from_seq, p_to_seq, v_newest USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_event WHERE seq = p_event_seq AND seq > p_to_seq
                   AND action = 'audit.retention.remove'
                   AND resource = 'audit/events/' || p_from_seq || '-' || p_to_seq) THEN
        RAISE EXCEPTION 'the removal of seq %..% is not recorded in the chain: no audit.retention.remove event'
            ' at seq % names it', p_from_seq, p_to_seq, p_event_seq USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_removal (from_seq, to_seq, event_count, anchor_hash, bundle_file, bundle_sha256, event_seq)
        VALUES (p_from_seq, p_to_seq, p_to_seq - p_from_seq + 1, v_anchor, p_bundle_file, p_bundle_sha256,
                p_event_seq);
    DELETE FROM audit_event WHERE seq BETWEEN p_from_seq AND p_to_seq;
    GET DIAGNOSTICS v_removed = ROW_COUNT;
    IF v_removed <> p_to_seq - p_from_seq + 1 THEN
        RAISE EXCEPTION 'seq %..% holds % events, not %: the chain has gaps', p_from_seq, p_to_seq, v_removed,
            p_to_seq - p_from_seq + 1 USING ERRCODE = 'data_corrupted';
    END IF;
    RETURN v_removed;
END
$$;
COMMENT ON FUNCTION audit_remove_prefix(bigint, bigint, text, text, bigint) IS
    'Retention: removes the oldest audit events up to a signed checkpoint, recorded in audit_removal';
REVOKE ALL ON FUNCTION audit_remove_prefix(bigint, bigint, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_remove_prefix(bigint, bigint, text, text, bigint) TO ${appRole};

GRANT SELECT ON audit_removal TO ${appRole};
