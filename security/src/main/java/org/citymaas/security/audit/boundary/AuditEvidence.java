package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Verification;

/**
 * What auditors do with the log: verify a range of the chain against the trusted public key (OK, or
 * the first broken event and why) and export an evidence bundle to verify offline. Each call reads
 * one consistent snapshot, so events appended meanwhile never look like a break.
 */
public class AuditEvidence {

    private final DataSource dataSource;
    private final PublicKey trustedKey;

    public AuditEvidence(DataSource dataSource, PublicKey trustedKey) {
        this.dataSource = dataSource;
        this.trustedKey = trustedKey;
    }

    /** Verifies the whole chain. */
    public Verification verifyAll() {
        return verify(1, Long.MAX_VALUE);
    }

    /** Verifies the events with {@code fromSeq <= seq <= toSeq} and the checkpoints in that range. */
    public Verification verify(long fromSeq, long toSeq) {
        return inSnapshot(connection -> {
            var anchor = anchor(connection, fromSeq);
            var checkpoints = ChainReader.checkpoints(connection, fromSeq, toSeq);
            try (var events = ChainReader.events(connection, fromSeq, toSeq)) {
                return new ChainVerifier(trustedKey).verify(fromSeq, anchor, events, checkpoints);
            }
        });
    }

    /** Writes an evidence bundle of the range to {@code out}; returns the number of events in it. */
    public long export(long fromSeq, long toSeq, OutputStream out) {
        return inSnapshot(connection -> {
            var anchor = anchor(connection, fromSeq);
            var checkpoints = ChainReader.checkpoints(connection, fromSeq, toSeq);
            try (var events = ChainReader.events(connection, fromSeq, toSeq)) {
                return EvidenceBundle.write(
                        out, fromSeq, anchor, events, checkpoints, SigningKey.publicKeyPem(trustedKey));
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
