package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
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

    /** Verifies the events with {@code fromSeq <= seq <= toSeq} and the checkpoints in that range. */
    public Verification verify(long fromSeq, long toSeq) {
        var keys = trustedKeys.get();
        // read before the snapshot: checkpoints are published after their commit, so whatever is
        // published now is in the snapshot taken next
        var tail = published == null ? Optional.<Checkpoint>empty() : published.latestUpTo(toSeq);
        return inSnapshot(connection -> {
            var anchor = anchor(connection, fromSeq);
            var checkpoints = ChainReader.checkpoints(connection, fromSeq, toSeq);
            try (var events = ChainReader.events(connection, fromSeq, toSeq)) {
                return new ChainVerifier(keys).verify(fromSeq, anchor, events, checkpoints, tail);
            }
        });
    }

    /**
     * Writes an evidence bundle of the range to {@code out}, with every trusted public key; returns the
     * number of events in it.
     */
    public long export(long fromSeq, long toSeq, OutputStream out) {
        return inSnapshot(connection -> {
            var anchor = anchor(connection, fromSeq);
            var checkpoints = ChainReader.checkpoints(connection, fromSeq, toSeq);
            try (var events = ChainReader.events(connection, fromSeq, toSeq)) {
                return EvidenceBundle.write(
                        out,
                        fromSeq,
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

    private static String anchor(Connection connection, long fromSeq) throws SQLException {
        return fromSeq <= 1
                ? ChainedEvent.GENESIS
                : ChainReader.hashAt(connection, fromSeq - 1).orElse(null);
    }

    private <T> T inSnapshot(SnapshotWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            var isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                // pooled connections go back as they came (see AuditCheckpoints#sign)
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new AuditException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    private interface SnapshotWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
