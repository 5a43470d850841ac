package org.citymaas.security.audit.boundary;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.ArchiveFiles;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainStart;
import org.citymaas.security.audit.control.EventAppender;
import org.citymaas.security.audit.control.RetentionScan;
import org.citymaas.security.audit.control.Snapshot;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.RetentionPolicy;
import org.citymaas.security.audit.entity.RetentionRemoval;
import org.citymaas.security.audit.entity.RetentionRun;

/**
 * Removes the oldest audit events once the policy lets them go, keeping them verifiable: a run takes the
 * expired PREFIX of the chain (from its first online event up to the first event the policy still keeps:
 * an event kept longer keeps every later one online too, there are never holes), cuts it back to the
 * latest signed checkpoint in it, exports that segment as an evidence bundle into the archive directory,
 * verifies the written bundle, then in one transaction records the removal as an audit event ({@value
 * ChainStart#REMOVAL_ACTION}: the seq range, the bundle's file name and SHA-256, the anchoring checkpoint)
 * and deletes the segment through the database's {@code audit_remove_prefix}, which checks again that it
 * is a prefix ending at a signed checkpoint, at least 180 days old, and recorded. The checkpoint at the
 * segment's end is the anchor the online chain is then verified from.
 *
 * <p>The portal's timer calls {@link #run} (daily is plenty) outside a JTA transaction, as it signs
 * checkpoints: the removal commits on its own connection.
 */
public class AuditRetention {

    /** Who the removal events name as their actor. */
    public static final String ACTOR = "audit-retention";

    private final DataSource dataSource;
    private final AuditCheckpoints signer;
    private final AuditEvidence evidence;
    private final RetentionPolicy policy;
    private final EventAppender appender = new EventAppender();

    /**
     * @param dataSource connections as the application's role (it may execute {@code audit_remove_prefix})
     * @param signer the checkpoint signer, whose key history verifies the archives
     */
    public AuditRetention(DataSource dataSource, AuditCheckpoints signer, RetentionPolicy policy) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.evidence = new AuditEvidence(dataSource, signer);
    }

    /** The policy in force. */
    public RetentionPolicy policy() {
        return policy;
    }

    /** Every removal so far, oldest first. */
    public List<RetentionRemoval> removals() {
        return Snapshot.read(dataSource, RetentionScan::removals);
    }

    /**
     * Archives and removes the expired prefix of the chain at {@code now}, up to the latest signed
     * checkpoint in it; removes nothing when no event at the start has expired or no checkpoint is signed
     * among the expired ones (the result says which).
     *
     * @param archiveDirectory where the bundles go (created if missing), one file per removal
     * @throws AuditException the chain's start does not verify, the archive could not be written or does
     *     not verify, or the database refused the removal (nothing is then removed)
     */
    public RetentionRun run(Instant now, Path archiveDirectory) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(archiveDirectory, "archiveDirectory");
        var plan = Snapshot.read(dataSource, connection -> plan(connection, now));
        long from = plan.start().firstSeq();
        if (plan.expiredThrough() < from) {
            return new RetentionRun(
                    now,
                    from,
                    plan.expiredThrough(),
                    Optional.empty(),
                    "nothing to remove: the first event online (seq " + from + ") is kept under " + policy);
        }
        if (plan.anchor().isEmpty()) {
            return new RetentionRun(
                    now,
                    from,
                    plan.expiredThrough(),
                    Optional.empty(),
                    "nothing to remove yet: seq " + from + ".." + plan.expiredThrough()
                            + " have expired but no checkpoint is signed among them");
        }
        var anchor = plan.anchor().get();
        long to = anchor.seq();
        var keys = signer.keyRing();
        var bundle = ArchiveFiles.write(archiveDirectory, from, to, plan.start().anchorHash(), keys, out -> {
            var range = evidence.exportRange(from, to, out);
            if (range.fromSeq() != from || range.toSeq() != to) {
                throw new AuditException("the bundle for seq " + from + ".." + to + " came out as seq "
                        + range.fromSeq() + ".." + range.toSeq());
            }
        });
        var sha256 = ArchiveFiles.sha256(bundle);
        var removal = remove(from, anchor, bundle.getFileName().toString(), sha256, now);
        return new RetentionRun(
                now,
                from,
                plan.expiredThrough(),
                Optional.of(removal),
                "removed seq " + from + ".." + to + " (" + removal.events() + " events), archived as "
                        + removal.bundleFile() + "; the chain now starts at seq " + (to + 1)
                        + ", anchored at the checkpoint signed at seq " + to);
    }

    private record Plan(ChainStart start, long expiredThrough, Optional<Checkpoint> anchor) {}

    private Plan plan(Connection connection, Instant now) throws SQLException {
        var start = ChainStart.read(connection);
        if (start.problem().isPresent()) {
            throw new AuditException("refusing to remove audit events: the start of the chain does not verify: "
                    + start.problem().get());
        }
        var head = ChainReader.head(connection).map(ChainedEvent::seq).orElse(0L);
        if (head < start.firstSeq()) {
            return new Plan(start, start.firstSeq() - 1, Optional.empty());
        }
        long expired = RetentionScan.expiredThrough(connection, policy, now, start.firstSeq(), head);
        var anchor = expired < start.firstSeq()
                ? Optional.<Checkpoint>empty()
                : ChainReader.latestCheckpointBefore(connection, expired + 1).filter(c -> c.seq() >= start.firstSeq());
        return new Plan(start, expired, anchor);
    }

    private RetentionRemoval remove(long from, Checkpoint anchor, String bundleFile, String sha256, Instant now) {
        long to = anchor.seq();
        var event = AuditEvent.builder()
                .occurredAt(now)
                .actor(ACTOR, ActorType.SERVICE)
                .action(ChainStart.REMOVAL_ACTION)
                .resource(ChainStart.removalResource(from, to))
                .outcome("OK", null)
                .summary("events=" + (to - from + 1) + " bundle=" + bundleFile + " sha256=" + sha256
                        + " anchor_seq=" + to + " anchor_hash=" + anchor.headHash() + " anchor_key=" + anchor.keyId()
                        + " policy=" + policy.toString().replace(" ", ""))
                .build();
        try (var connection = dataSource.getConnection()) {
            var isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                var recorded = appender.append(connection, List.of(event)).get(0);
                long removed = RetentionScan.remove(connection, from, to, bundleFile, sha256, recorded.seq());
                connection.commit();
                return new RetentionRemoval(
                        from, to, removed, anchor.headHash(), bundleFile, sha256, recorded.seq(), now);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new AuditException(
                    "the database refused to remove audit events seq " + from + ".." + to + " (the archive "
                            + bundleFile + " stays): " + e.getMessage(),
                    e);
        }
    }
}
