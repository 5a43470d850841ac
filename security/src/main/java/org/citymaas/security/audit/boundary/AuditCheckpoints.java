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
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CheckpointConflictException;
import org.citymaas.security.audit.entity.KeyRotation;
import org.citymaas.security.audit.entity.TrustedKey;

/**
 * Signs the chain head with the platform's Ed25519 key: call {@link #sign()} on demand and from the
 * portal's timer every {@link #DEFAULT_INTERVAL} (or as configured). Before signing, the events since
 * the last checkpoint are verified, so a checkpoint never blesses a chain that was already tampered.
 *
 * <p>With a {@link CheckpointSink}, every checkpoint is also published outside the database, after the
 * transaction that stored it committed (so the sink never holds a checkpoint the database lost, and
 * instances racing for the same head publish the one the database kept). A checkpoint committed but not
 * yet published (a crash, a sink that was down) is published by the catch-up that runs on each signing
 * (everything above the sink's latest) and by {@link #publishMissing()} at start (everything).
 *
 * <p>{@link #rotateKey()} replaces the key pair; the public keys of all earlier pairs stay in the key
 * directory ({@link #keyHistory()}), so that checkpoints they signed still verify.
 */
public class AuditCheckpoints {

    /** How often the portal's timer should sign, unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private static final String SERIALIZATION_FAILURE = "40001";
    /** How often a signing that lost a race with another instance's is tried again. */
    private static final int SIGN_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final AuditKeys keys;
    private final Clock clock;
    private final CheckpointSink sink;

    private AuditCheckpoints(DataSource dataSource, AuditKeys keys, Clock clock, CheckpointSink sink) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
        this.sink = sink;
    }

    /** Signs with a key held in memory (tests, tools), publishing nowhere; {@link #rotateKey()} is refused. */
    public AuditCheckpoints(DataSource dataSource, SigningKey key, Clock clock) {
        this(dataSource, AuditKeys.inMemory(key), clock, null);
    }

    /**
     * Uses (and at first start creates) the key pair in {@code keyDirectory}, outside the database,
     * and publishes nowhere.
     */
    public AuditCheckpoints(DataSource dataSource, Path keyDirectory) {
        this(dataSource, AuditKeys.inDirectory(keyDirectory), Clock.systemUTC(), null);
    }

    /**
     * Uses (and at first start creates) the key pair in {@code keyDirectory} and publishes every
     * checkpoint to {@code sink}, such as {@code CheckpointSink.directory(publishedDirectory)}.
     */
    public AuditCheckpoints(DataSource dataSource, Path keyDirectory, CheckpointSink sink) {
        this(dataSource, AuditKeys.inDirectory(keyDirectory), Clock.systemUTC(), sink);
    }

    /** As {@link #AuditCheckpoints(DataSource, Path, CheckpointSink)} with a clock of one's own (tests). */
    public AuditCheckpoints(DataSource dataSource, Path keyDirectory, CheckpointSink sink, Clock clock) {
        this(dataSource, AuditKeys.inDirectory(keyDirectory), clock, sink);
    }

    /** The public key to publish, as PEM. */
    public String publicKeyPem() {
        return keys.current().publicKeyPem();
    }

    /** The public key that verifies the checkpoints, for a verifier that trusts this instance's key. */
    public PublicKey publicKey() {
        return keys.current().publicKey();
    }

    public SigningKey key() {
        return keys.current();
    }

    /** The public keys of every audit key pair so far, the current one included: what a verifier trusts. */
    public List<PublicKey> keyHistory() {
        var ring = keyRing();
        return ring.keyIds().stream().map(id -> ring.find(id).orElseThrow()).toList();
    }

    /** The id of the key that signs the next checkpoint. */
    public String currentKeyId() {
        return keys.current().keyId();
    }

    /** {@link #keyHistory()} with each key's id and PEM block, in the same order. */
    public List<TrustedKey> trustedKeys() {
        return keyHistory().stream()
                .map(k -> new TrustedKey(SigningKey.keyId(k), SigningKey.publicKeyPem(k)))
                .toList();
    }

    /** {@link #keyHistory()} as PEM blocks, one after the other: the file to publish for verifiers. */
    public String keyHistoryPem() {
        return keyRing().pem();
    }

    /** The sink checkpoints are published to, if any. */
    public Optional<CheckpointSink> sink() {
        return Optional.ofNullable(sink);
    }

    /**
     * Replaces the signing key by a new pair in the key directory; the next checkpoint is signed with
     * it, by this instance and (they look at the key files before each signing) by the others. The
     * old private key is overwritten, its public key kept in the key history. The caller audits it.
     *
     * @throws IllegalStateException if this instance signs with a key held in memory only
     */
    public KeyRotation rotateKey() {
        synchronized (keys) {
            var previous = keys.current().keyId();
            return new KeyRotation(previous, keys.rotate().keyId(), clock.instant());
        }
    }

    /**
     * Publishes every checkpoint in the database that the sink lacks (the portal calls it at start);
     * returns how many it published. Does nothing without a sink.
     *
     * @throws CheckpointConflictException if the sink holds another checkpoint at a seq
     */
    public int publishMissing() {
        return sink == null ? 0 : publishFrom(1);
    }

    KeyRing keyRing() {
        return keys.history();
    }

    private int publishFrom(long fromSeq) {
        List<Checkpoint> pending;
        try (var connection = dataSource.getConnection()) {
            pending = ChainReader.checkpoints(connection, fromSeq, Long.MAX_VALUE);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit checkpoints to publish: " + e.getMessage(), e);
        }
        int published = 0;
        for (var checkpoint : pending) {
            if (sink.publish(checkpoint)) {
                published++;
            }
        }
        return published;
    }

    /** The checkpoint signed so far that covers the event at {@code seq}, if one does; never signs. */
    public Optional<Checkpoint> signedCovering(long seq) {
        try (var connection = dataSource.getConnection()) {
            return ChainReader.firstCheckpointFrom(connection, seq);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit checkpoints: " + e.getMessage(), e);
        }
    }

    /** At most {@code limit} signed checkpoints below {@code beforeSeq}, newest first. */
    public List<Checkpoint> newest(long beforeSeq, int limit) {
        try (var connection = dataSource.getConnection()) {
            return ChainReader.checkpointsBefore(connection, beforeSeq, limit);
        } catch (SQLException e) {
            throw new AuditException("could not read the audit checkpoints: " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint that covers the event at {@code seq}: the first one signed at or after it, signing
     * the chain head now when none is yet. Empty only when the chain does not reach {@code seq}.
     */
    public Optional<Checkpoint> covering(long seq) {
        try (var connection = dataSource.getConnection()) {
            var signed = ChainReader.firstCheckpointFrom(connection, seq);
            if (signed.isPresent()) {
                return signed;
            }
        } catch (SQLException e) {
            throw new AuditException("could not read the audit checkpoints: " + e.getMessage(), e);
        }
        return sign().filter(head -> head.seq() >= seq);
    }

    /**
     * Signs the current chain head unless it is signed already, and publishes it to the sink. Returns
     * the checkpoint of the head, new or existing, or empty while the chain is empty.
     *
     * @throws CheckpointConflictException if the sink holds another checkpoint at a seq it publishes
     * @throws AuditException if the events since the last checkpoint do not verify
     */
    public Optional<Checkpoint> sign() {
        var checkpoint = signAndStore();
        if (sink != null && checkpoint.isPresent()) {
            // after the commit: publish what the database kept, and whatever an earlier signing
            // committed but could not publish
            try {
                publishFrom(sink.latest().map(c -> c.seq() + 1).orElse(1L));
            } catch (CheckpointConflictException e) {
                throw e;
            } catch (AuditException e) {
                throw new AuditException(
                        "the checkpoint at seq " + checkpoint.get().seq() + " is signed and"
                                + " stored, but could not be published (the next signing publishes it): "
                                + e.getMessage(),
                        e);
            }
        }
        return checkpoint;
    }

    private Optional<Checkpoint> signAndStore() {
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
                // another instance signed the same head at the same moment: look again, after a pause of
                // random length, so that two signers that collided do not collide again in lockstep
                if (SERIALIZATION_FAILURE.equals(e.getSQLState()) && attempt < SIGN_ATTEMPTS) {
                    pauseBeforeRetry(attempt);
                    continue;
                }
                throw new AuditException("could not sign the audit chain head: " + e.getMessage(), e);
            }
        }
    }

    /** Up to {@code 5 × attempt} ms, at random. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted while signing the audit chain head", interrupted);
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
        var key = keys.current();
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
        var verifier = new ChainVerifier(keyRing());
        if (last.isPresent() && verifier.forgery(last.get()).isPresent()) {
            throw new AuditException(
                    "refusing to sign: the latest checkpoint (seq " + last.get().seq() + ") is forged: "
                            + verifier.forgery(last.get()).get().reason());
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
