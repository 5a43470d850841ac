package org.citymaas.security.audit.boundary;

import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainReader;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;

/**
 * Signs the chain head with the platform's Ed25519 key: call {@link #sign()} on demand and from the
 * portal's timer every {@link #DEFAULT_INTERVAL} (or as configured). Before signing, the events since
 * the last checkpoint are verified, so a checkpoint never blesses a chain that was already tampered.
 */
public class AuditCheckpoints {

    /** How often the portal's timer should sign, unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private static final String SERIALIZATION_FAILURE = "40001";

    private final DataSource dataSource;
    private final SigningKey key;
    private final Clock clock;

    public AuditCheckpoints(DataSource dataSource, SigningKey key, Clock clock) {
        this.dataSource = dataSource;
        this.key = key;
        this.clock = clock;
    }

    /** Uses (and at first start creates) the key pair in {@code keyDirectory}, outside the database. */
    public AuditCheckpoints(DataSource dataSource, Path keyDirectory) {
        this(dataSource, SigningKey.loadOrCreate(keyDirectory), Clock.systemUTC());
    }

    /** The public key to publish, as PEM. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** The public key that verifies the checkpoints, for a verifier that trusts this instance's key. */
    public PublicKey publicKey() {
        return key.publicKey();
    }

    public SigningKey key() {
        return key;
    }

    /**
     * The first signed checkpoint that covers the audit event at {@code eventSeq} (the one with the
     * lowest seq at or after it), or empty while none does: what a statement line cites for its last
     * request (find the request's event with {@link AuditLog#firstOutcomes}).
     */
    public Optional<Checkpoint> covering(long eventSeq) {
        try (var connection = dataSource.getConnection()) {
            return ChainReader.firstCheckpointFrom(connection, eventSeq);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * Signs the current chain head unless it is signed already. Returns the checkpoint of the head,
     * new or existing, or empty while the chain is empty.
     *
     * @throws AuditException if the events since the last checkpoint do not verify
     */
    public Optional<Checkpoint> sign() {
        for (int attempt = 1; ; attempt++) {
            try (var connection = dataSource.getConnection()) {
                var isolation = connection.getTransactionIsolation();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    var checkpoint = signInSnapshot(connection);
                    connection.commit();
                    return checkpoint;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    // pooled connections go back as they came: a snapshot level left behind makes the
                    // next user's concurrent updates fail with serialization errors
                    connection.setAutoCommit(true);
                    connection.setTransactionIsolation(isolation);
                }
            } catch (SQLException e) {
                // another instance signed the same head at the same moment: look again
                if (SERIALIZATION_FAILURE.equals(e.getSQLState()) && attempt < 5) {
                    continue;
                }
                throw new AuditException("could not sign the audit chain head: " + e.getMessage(), e);
            }
        }
    }

    private Optional<Checkpoint> signInSnapshot(Connection connection) throws SQLException {
        var head = ChainReader.head(connection);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var last = ChainReader.latestCheckpoint(connection);
        long headSeq = head.get().seq();
        if (last.isPresent() && last.get().seq() >= headSeq) {
            return last;
        }
        checkSinceLastCheckpoint(connection, last, headSeq);
        var unsigned = new Checkpoint(headSeq, head.get().hash(), clock.instant(), key.keyId(), "");
        var checkpoint = new Checkpoint(
                unsigned.seq(),
                unsigned.headHash(),
                unsigned.signedAt(),
                unsigned.keyId(),
                key.sign(CanonicalForm.checkpoint(unsigned)));
        try (var insert = connection.prepareStatement("INSERT INTO audit_checkpoint (seq, head_hash, signed_at,"
                + " key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
            insert.setLong(1, checkpoint.seq());
            insert.setString(2, checkpoint.headHash());
            insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
            insert.setString(4, checkpoint.keyId());
            insert.setString(5, checkpoint.signature());
            if (insert.executeUpdate() == 0) {
                // another instance signed the same head a moment ago: its checkpoint stands
                return ChainReader.latestCheckpoint(connection);
            }
        }
        return Optional.of(checkpoint);
    }

    private void checkSinceLastCheckpoint(Connection connection, Optional<Checkpoint> last, long headSeq)
            throws SQLException {
        var verifier = new ChainVerifier(key.publicKey());
        if (last.isPresent()
                && !SigningKey.verify(
                        key.publicKey(),
                        CanonicalForm.checkpoint(last.get()),
                        last.get().signature())) {
            throw new AuditException(
                    "refusing to sign: the latest checkpoint (seq " + last.get().seq() + ") is forged");
        }
        long from = last.map(c -> c.seq() + 1).orElse(1L);
        String anchor = last.map(Checkpoint::headHash).orElse(ChainedEvent.GENESIS);
        try (var events = ChainReader.events(connection, from, headSeq)) {
            var verdict = verifier.verify(from, anchor, events, List.of());
            if (!verdict.ok()) {
                throw new AuditException("refusing to sign a broken audit chain: "
                        + verdict.firstBreak().get());
            }
        }
    }
}
