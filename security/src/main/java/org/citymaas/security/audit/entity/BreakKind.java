package org.citymaas.security.audit.entity;

/** How a chain was found broken. */
public enum BreakKind {
    /** An event's content no longer matches its hash, or it was rehashed and its successor still names the old hash. */
    FIELD_EDITED,
    /** Events are missing before this position (a gap in seq, or a link to a hash that is not there). */
    MISSING_EVENT,
    /** An event sits at a position other than the one it was written at. */
    REORDERED,
    /** An event that was never appended stands in the chain: its successor links past it. */
    INSERTED,
    /** The chain ends before the latest signed checkpoint, in the database or published outside it. */
    TRUNCATED,
    /** A checkpoint's signature does not verify with the trusted public key. */
    FORGED_CHECKPOINT,
    /** The chain was rewritten consistently, but its hash at a signed checkpoint differs from the signed one. */
    CHECKPOINT_MISMATCH,
    /**
     * The chain reaches the seq of the latest checkpoint published outside the database, but its event
     * there does not hash to the published head: the tail was cut and rewritten.
     */
    TAIL_MISMATCH
}
