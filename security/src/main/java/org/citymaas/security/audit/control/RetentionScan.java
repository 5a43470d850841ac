package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.entity.RetentionRemoval;

/**
 * The database side of retention: how far the start of the chain has expired under a policy, the
 * removal itself (V14's {@code audit_remove_prefix}, which checks again what it may delete), and the
 * removals so far ({@code audit_removal}).
 */
public final class RetentionScan {

    private RetentionScan() {}

    /**
     * The last seq of the expired prefix that starts at {@code fromSeq}: the seq before the first event
     * the policy keeps at {@code now}, or {@code headSeq} when every event from {@code fromSeq} on has
     * expired. Walks the primary key from {@code fromSeq} and stops at the first kept event.
     */
    public static long expiredThrough(
            Connection connection, RetentionPolicy policy, Instant now, long fromSeq, long headSeq)
            throws SQLException {
        var rules = policy.bySpecificity();
        var expired = new StringBuilder("CASE");
        for (var rule : rules) {
            expired.append(rule.isPrefix() ? " WHEN action LIKE ? ESCAPE '\\'" : " WHEN action = ?")
                    .append(" THEN occurred_at <= ?");
        }
        expired.append(" ELSE occurred_at <= ? END");
        var sql = "SELECT seq FROM audit_event WHERE seq >= ? AND NOT (" + expired + ") ORDER BY seq LIMIT 1";
        try (var s = connection.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, fromSeq);
            for (var rule : rules) {
                s.setString(i++, rule.isPrefix() ? likePrefix(rule.stem()) : rule.pattern());
                s.setObject(i++, cutoff(now, rule.days()));
            }
            s.setObject(i, cutoff(now, policy.defaultDays()));
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) - 1 : headSeq;
            }
        }
    }

    /**
     * Removes {@code fromSeq..toSeq} through {@code audit_remove_prefix}, in the connection's transaction;
     * returns how many events it deleted. The database refuses (an SQL error naming the reason) anything
     * but a prefix ending at a signed checkpoint, below the head, at least 180 days old, and recorded by
     * the event at {@code eventSeq}.
     */
    public static long remove(
            Connection connection, long fromSeq, long toSeq, String bundleFile, String bundleSha256, long eventSeq)
            throws SQLException {
        try (var s = connection.prepareStatement("SELECT audit_remove_prefix(?, ?, ?, ?, ?)")) {
            s.setLong(1, fromSeq);
            s.setLong(2, toSeq);
            s.setString(3, bundleFile);
            s.setString(4, bundleSha256);
            s.setLong(5, eventSeq);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every removal so far, oldest first. */
    public static List<RetentionRemoval> removals(Connection connection) throws SQLException {
        try (var s = connection.prepareStatement("SELECT from_seq, to_seq, event_count, anchor_hash, bundle_file,"
                        + " bundle_sha256, event_seq, removed_at FROM audit_removal ORDER BY from_seq");
                var rows = s.executeQuery()) {
            var removals = new ArrayList<RetentionRemoval>();
            while (rows.next()) {
                removals.add(new RetentionRemoval(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getLong(7),
                        rows.getObject(8, OffsetDateTime.class).toInstant()));
            }
            return removals;
        }
    }

    private static OffsetDateTime cutoff(Instant now, int days) {
        return OffsetDateTime.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }

    private static String likePrefix(String stem) {
        return stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
