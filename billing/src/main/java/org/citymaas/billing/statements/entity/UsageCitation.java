package org.citymaas.billing.statements.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The usage a statement line was computed from, as an auditor can find it in the audit log.
 *
 * @param requests how many usage events (requests) the line counts
 * @param requestIdsDigest lowercase hex SHA-256 over the line's request ids, sorted, each followed by
 *     a line feed (UTF-8): anyone holding the verified log can recompute it
 * @param lastRequestId the request id of the latest of them (by time, then id); null when none
 * @param checkpointSeq the sequence number of the signed audit checkpoint that covers the audit event
 *     of the last request; null while no checkpoint covers it yet
 * @param checkpointHash the chain head hash that checkpoint signed; null with its sequence number
 */
public record UsageCitation(
        long requests, String requestIdsDigest, String lastRequestId, Long checkpointSeq, String checkpointHash) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The digest of no request ids: SHA-256 of the empty string. */
    public static final String EMPTY_DIGEST = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public UsageCitation {
        if (requests < 0) {
            throw new IllegalArgumentException("a line counts zero or more requests");
        }
        Objects.requireNonNull(requestIdsDigest, "request ids digest");
        if (!SHA256_HEX.matcher(requestIdsDigest).matches()) {
            throw new IllegalArgumentException("a request ids digest is lowercase hex SHA-256");
        }
        if ((requests == 0) != (lastRequestId == null)) {
            throw new IllegalArgumentException("a line that counts requests names the last of them, and only then");
        }
        if ((checkpointSeq == null) != (checkpointHash == null)) {
            throw new IllegalArgumentException("a checkpoint is cited by its sequence number and head hash together");
        }
    }

    /** A citation of no usage, as on a true-up line. */
    public static UsageCitation none() {
        return new UsageCitation(0, EMPTY_DIGEST, null, null, null);
    }

    /** This citation, covered by a signed checkpoint. */
    public UsageCitation coveredBy(long seq, String headHash) {
        return new UsageCitation(requests, requestIdsDigest, lastRequestId, seq, headHash);
    }
}
