package org.citymaas.security.audit.entity;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where the next page of a search starts: the events of the same query before chain position
 * {@code beforeSeq}, newest first. Positions only grow, so paging down from a cursor neither repeats
 * nor skips an event while others are appended: they land above the first page.
 *
 * <p>The token is opaque to callers: Base64url of a version byte, the position and a check value over
 * the query's filters and the position. It is not secret (it names a chain position, which the events
 * show anyway), but a token that was garbled, edited or made for another search is refused rather than
 * silently paging something else.
 */
public record AuditCursor(long beforeSeq, byte[] queryFingerprint) {

    private static final byte VERSION = 1;
    private static final int CHECK_BYTES = 8;
    private static final int TOKEN_BYTES = 1 + Long.BYTES + CHECK_BYTES;
    private static final int MAX_TOKEN_CHARS = 64;

    public AuditCursor {
        if (beforeSeq < 2) {
            throw new InvalidCursorException("a cursor points before chain position 2 or later, not " + beforeSeq);
        }
        queryFingerprint = queryFingerprint.clone();
    }

    /** The page of {@code query}'s events before chain position {@code beforeSeq}. */
    public static AuditCursor before(AuditQuery query, long beforeSeq) {
        return new AuditCursor(beforeSeq, query.fingerprint());
    }

    /**
     * Reads a token handed out for {@code query}.
     *
     * @throws InvalidCursorException it is not a cursor, or not one of this query's
     */
    public static AuditCursor parse(String token, AuditQuery query) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidCursorException("the cursor is not one a search handed out: wrong length");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not one a search handed out: not Base64url", e);
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            throw new InvalidCursorException("the cursor is not one a search handed out: unknown form");
        }
        long seq = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
        var check = Arrays.copyOfRange(bytes, 1 + Long.BYTES, TOKEN_BYTES);
        if (seq < 2 || !MessageDigest.isEqual(check, check(seq, query.fingerprint()))) {
            throw new InvalidCursorException(
                    "the cursor was altered or belongs to a search with other filters: start from the first page");
        }
        return new AuditCursor(seq, query.fingerprint());
    }

    /** The opaque token for callers to send back. */
    public String token() {
        var bytes = ByteBuffer.allocate(TOKEN_BYTES)
                .put(VERSION)
                .putLong(beforeSeq)
                .put(check(beforeSeq, queryFingerprint))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public byte[] queryFingerprint() {
        return queryFingerprint.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditCursor that
                && beforeSeq == that.beforeSeq
                && Arrays.equals(queryFingerprint, that.queryFingerprint);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(beforeSeq) * 31 + Arrays.hashCode(queryFingerprint);
    }

    @Override
    public String toString() {
        return "AuditCursor[beforeSeq=" + beforeSeq + "]";
    }

    private static byte[] check(long seq, byte[] fingerprint) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("citymaas-audit-cursor/1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            digest.update(fingerprint);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
            return Arrays.copyOf(digest.digest(), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
