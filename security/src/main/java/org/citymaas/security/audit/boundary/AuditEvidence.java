package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainStart;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.control.Snapshot;
import org.citymaas.security.audit.entity.ArchivedEventsException;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.EvidenceRange;
import org.citymaas.security.audit.entity.Verification;

/**
 * What auditors do with the log: verify a range of the chain against the trusted public keys (OK, or
 * the first broken event and why) and export an evidence bundle to verify offline. Each call reads
 * one consistent snapshot, so events appended meanwhile never look like a break. With a {@link
 * CheckpointSink}, a verification also compares the chain with the latest checkpoint published
 * outside the database up to the range's end: a chain that stops before it is {@code TRUNCATED}, one
 * whose event at its seq hashes otherwise {@code TAIL_MISMATCH}.
 */
public class AuditEvidence {

    private final DataSource dataSource;
    private final Supplier<KeyRing> trustedKeys;
    private final CheckpointSink published;

    private AuditEvidence(DataSource dataSource, Supplier<KeyRing> trustedKeys, CheckpointSink published) {
        this.dataSource = dataSource;
        this.trustedKeys = trustedKeys;
        this.published = published;
    }

    /** Trusts one public key and compares with no published checkpoint. */
    public AuditEvidence(DataSource dataSource, PublicKey trustedKey) {
        this(dataSource, () -> KeyRing.of(trustedKey), null);
    }

    /**
     * Trusts the given public keys (a key history) and, unless {@code published} is null, compares the
     * chain with the checkpoints published there.
     */
    public AuditEvidence(DataSource dataSource, Collection<PublicKey> trustedKeys, CheckpointSink published) {
        this(dataSource, () -> KeyRing.of(trustedKeys), published);
    }

    /**
     * Trusts the signer's whole key history (read again at each call, so a rotation is seen at once)
     * and compares with the sink the signer publishes to, if it has one.
     */
    public AuditEvidence(DataSource dataSource, AuditCheckpoints signer) {
        this(dataSource, signer::keyRing, signer.sink().orElse(null));
    }

    /** Verifies the whole chain. */
    public Verification verifyAll() {
        return verify(1, Long.MAX_VALUE);
    }

    /**
     * Verifies the events with {@code fromSeq <= seq <= toSeq} and the checkpoints in that range. After a
     * retention removal the range starts no earlier than the chain's first online event, which must link
     * to the head hash of the checkpoint signed just before it (the anchor, whose signature is verified
     * too) and match the latest removal recorded in the chain ({@link ChainStart}).
     *
     * @throws ArchivedEventsException the whole range was removed by retention: verify its archive bundle
     */
    public Verification verify(long fromSeq, long toSeq) {
        var keys = trustedKeys.get();
        // read before the snapshot: checkpoints are published after their commit, so whatever is
        // published now is in the snapshot taken next
        var tail = published == null ? Optional.<Checkpoint>empty() : published.latestUpTo(toSeq);
        return Snapshot.read(dataSource, connection -> {
            var start = ChainStart.read(connection);
            long from = online(start, fromSeq, toSeq);
            var checkpoints = new ArrayList<>(ChainReader.checkpoints(connection, from, toSeq));
            String anchor;
            if (start.trimmed() && from == start.firstSeq()) {
                if (start.problem().isPresent()) {
                    return new Verification(from, from - 1, 0, 0, start.problem());
                }
                anchor = start.anchorHash();
                checkpoints.add(0, start.anchor().orElseThrow());
            } else {
                anchor = anchor(connection, from);
            }
            try (var events = ChainReader.events(connection, from, toSeq)) {
                return new ChainVerifier(keys).verify(from, anchor, events, checkpoints, tail);
            }
        });
    }

    /** The first event still online: 1, or the seq after the last retention removal (1 for an empty chain). */
    public long firstOnlineSeq() {
        return Snapshot.read(dataSource, ChainStart::read).firstSeq();
    }

    /**
     * Writes an evidence bundle of the range to {@code out}, with every trusted public key; returns the
     * number of events in it. After a retention removal the range begins no earlier than the first online
     * event, anchored at the checkpoint signed before it.
     *
     * @throws ArchivedEventsException the whole range was removed by retention
     */
    public long export(long fromSeq, long toSeq, OutputStream out) {
        return Snapshot.read(dataSource, connection -> {
            var start = ChainStart.read(connection);
            long from = online(start, fromSeq, toSeq);
            boolean atAnchor = start.trimmed() && from == start.firstSeq();
            var anchor = atAnchor ? start.anchorHash() : anchor(connection, from);
            var checkpoints = new ArrayList<>(ChainReader.checkpoints(connection, from, toSeq));
            if (atAnchor) {
                start.anchor().ifPresent(c -> checkpoints.add(0, c));
            }
            try (var events = ChainReader.events(connection, from, toSeq)) {
                return EvidenceBundle.write(
                        out,
                        from,
                        toSeq,
                        anchor,
                        events,
                        checkpoints,
                        trustedKeys.get().pem());
            } catch (IOException e) {
                throw new AuditException("could not write the evidence bundle: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Writes an evidence bundle for the events {@code fromSeq..toSeq}, tied to signatures on both
     * sides: it starts after the latest checkpoint before {@code fromSeq} (its signed head hash is the
     * anchor the verifier checks the first event against) and ends at the first checkpoint at or after
     * {@code toSeq}, so the verifier needs to trust no stored hash. Where no checkpoint covers {@code
     * toSeq} yet, the bundle ends at the chain head and says so; sign first ({@link
     * AuditCheckpoints#covering(long)}) for a range that ends near the head. A range that begins before
     * the events retention removed starts at the first online event, anchored at the checkpoint before
     * it; the manifest then says {@code archivedThroughSeq}.
     *
     * @throws IllegalArgumentException an empty range
     * @throws ArchivedEventsException the whole range was removed by retention
     */
    public EvidenceRange exportRange(long fromSeq, long toSeq, OutputStream out) {
        if (fromSeq < 1 || toSeq < fromSeq) {
            throw new IllegalArgumentException("a range of events is 1 <= from <= to, not " + fromSeq + ".." + toSeq);
        }
        var keys = trustedKeys.get().pem();
        return Snapshot.read(dataSource, connection -> {
            var start = ChainStart.read(connection);
            long online = online(start, fromSeq, toSeq);
            var anchor = ChainReader.latestCheckpointBefore(connection, online);
            var covering = ChainReader.firstCheckpointFrom(connection, toSeq);
            long from = anchor.map(c -> c.seq() + 1).orElse(1L);
            long to = covering.map(Checkpoint::seq)
                    .orElseGet(() -> uncheckedHead(connection).orElse(toSeq));
            var facts = new LinkedHashMap<String, Long>();
            facts.put("requestedFromSeq", fromSeq);
            facts.put("requestedToSeq", toSeq);
            if (online > fromSeq) {
                facts.put("archivedThroughSeq", online - 1);
            }
            anchor.ifPresent(c -> facts.put("anchorCheckpointSeq", c.seq()));
            covering.ifPresent(c -> facts.put("coveringCheckpointSeq", c.seq()));
            var checkpoints = ChainReader.checkpoints(connection, from - 1, to);
            try (var events = ChainReader.events(connection, from, to)) {
                long count = EvidenceBundle.write(
                        out,
                        from,
                        to,
                        anchor.map(Checkpoint::headHash).orElse(ChainedEvent.GENESIS),
                        facts,
                        events,
                        checkpoints,
                        keys);
                return new EvidenceRange(
                        fromSeq,
                        toSeq,
                        from,
                        to,
                        anchor.map(Checkpoint::seq).orElse(null),
                        covering.map(Checkpoint::seq).orElse(null),
                        count);
            } catch (IOException e) {
                throw new AuditException("could not write the evidence bundle: " + e.getMessage(), e);
            }
        });
    }

    private static Optional<Long> uncheckedHead(Connection connection) {
        try {
            return ChainReader.head(connection).map(ChainedEvent::seq);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit chain head: " + e.getMessage(), e);
        }
    }

    /**
     * The first seq of {@code fromSeq..toSeq} still online.
     *
     * @throws ArchivedEventsException when retention removed the whole range
     */
    private static long online(ChainStart start, long fromSeq, long toSeq) {
        if (toSeq >= fromSeq && toSeq < start.firstSeq()) {
            throw new ArchivedEventsException("the events seq " + fromSeq + ".." + toSeq + " were removed from the"
                    + " database by retention (the chain starts at seq " + start.firstSeq() + "): verify them in"
                    + " the archived evidence bundles");
        }
        return Math.max(fromSeq, start.firstSeq());
    }

    private static String anchor(Connection connection, long fromSeq) throws SQLException {
        return fromSeq <= 1
                ? ChainedEvent.GENESIS
                : ChainReader.hashAt(connection, fromSeq - 1).orElse(null);
    }
}
