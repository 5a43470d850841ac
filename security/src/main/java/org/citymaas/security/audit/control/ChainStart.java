package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.BreakKind;
import org.citymaas.security.audit.entity.ChainBreak;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;

/**
 * Where the online chain starts. At seq 1 it links to the genesis hash; after a retention removal of seq
 * 1..k (see {@code AuditRetention}) it starts at k + 1 and links to the head hash of the checkpoint signed
 * at k: the anchor. A start after seq 1 is accepted only when that checkpoint exists (its signature is
 * checked with the others) and the latest {@value #REMOVAL_ACTION} event in the chain records a removal
 * ending at k; otherwise the missing prefix is a break, as any other deletion is.
 *
 * @param firstSeq the first event online (1 for an empty chain)
 * @param anchor the checkpoint signed at {@code firstSeq - 1}, empty when the chain starts at seq 1 or none is
 * @param problem why the start is not a recorded, anchored removal, if it is not
 */
public record ChainStart(long firstSeq, Optional<Checkpoint> anchor, Optional<ChainBreak> problem) {

    /** The action of the event that records a retention removal. */
    public static final String REMOVAL_ACTION = "audit.retention.remove";

    private static final Pattern REMOVED_RANGE = Pattern.compile("audit/events/(\\d+)-(\\d+)");

    /** The resource of the event that records the removal of {@code from..to}. */
    public static String removalResource(long from, long to) {
        return "audit/events/" + from + "-" + to;
    }

    /** Reads the start of the chain and checks it against the checkpoints and the recorded removals. */
    public static ChainStart read(Connection connection) throws SQLException {
        long first;
        try (var s = connection.prepareStatement("SELECT min(seq) FROM audit_event");
                var rows = s.executeQuery()) {
            rows.next();
            first = rows.getLong(1);
            if (rows.wasNull() || first <= 1) {
                return new ChainStart(1, Optional.empty(), Optional.empty());
            }
        }
        var anchor = ChainReader.checkpoints(connection, first - 1, first - 1).stream()
                .findFirst();
        var missing = first == 2 ? "event 1 is" : "events 1.." + (first - 1) + " are";
        if (anchor.isEmpty()) {
            return broken(
                    first,
                    missing + " not online and no checkpoint is signed at seq " + (first - 1)
                            + " to anchor the chain's first event (seq " + first + ")");
        }
        var recorded = latestRemoval(connection);
        if (recorded.isEmpty()) {
            return new ChainStart(
                    first,
                    anchor,
                    Optional.of(new ChainBreak(
                            BreakKind.MISSING_EVENT,
                            1,
                            missing + " not online and no retention removal (" + REMOVAL_ACTION
                                    + ") is recorded in the chain")));
        }
        if (recorded.get()[1] != first - 1) {
            return new ChainStart(
                    first,
                    anchor,
                    Optional.of(new ChainBreak(
                            BreakKind.MISSING_EVENT,
                            recorded.get()[1] + 1,
                            "the latest retention removal recorded in the chain removed seq " + recorded.get()[0] + ".."
                                    + recorded.get()[1] + ", but the chain starts at seq " + first)));
        }
        return new ChainStart(first, anchor, Optional.empty());
    }

    /** The hash the first online event must link to: the genesis hash, or the anchor's signed head hash. */
    public String anchorHash() {
        return anchor.map(Checkpoint::headHash).orElse(ChainedEvent.GENESIS);
    }

    /** Whether events before {@code firstSeq} were removed. */
    public boolean trimmed() {
        return firstSeq > 1;
    }

    private static ChainStart broken(long first, String reason) {
        return new ChainStart(first, Optional.empty(), Optional.of(new ChainBreak(BreakKind.MISSING_EVENT, 1, reason)));
    }

    /** The seq range {from, to} the latest removal event names, if the chain has one. */
    private static Optional<long[]> latestRemoval(Connection connection) throws SQLException {
        // the category literal lets the planner use V10's category index
        try (var s = connection.prepareStatement("SELECT resource FROM audit_event WHERE split_part(action, '.', 1)"
                + " = 'audit' AND split_part(action, '.', 1) <> 'inference' AND action = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, REMOVAL_ACTION);
            try (var rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                var range = REMOVED_RANGE.matcher(rows.getString(1));
                if (!range.matches()) {
                    return Optional.empty();
                }
                return Optional.of(new long[] {Long.parseLong(range.group(1)), Long.parseLong(range.group(2))});
            }
        }
    }
}
