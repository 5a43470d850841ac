package org.citymaas.security.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.citymaas.security.audit.control.CanonicalForm;
import org.citymaas.security.audit.control.ChainVerifier;
import org.citymaas.security.audit.control.CheckpointFiles;
import org.citymaas.security.audit.control.EvidenceBundle;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Checkpoint;

/**
 * Verifies one evidence bundle offline (its chain, its signed checkpoints, its range's anchor and cover,
 * optionally the published checkpoints) and says where its verified chain starts and ends, so that
 * bundles given together can be checked to continue one another ({@link VerifyEvidence}).
 */
final class BundleCheck {

    /**
     * The verdict on a bundle: the exit code, and the verified chain's first seq, the hash it links to,
     * its last seq and the hash there (meaningful when the code is OK).
     */
    record Result(int code, long fromSeq, String anchorHash, long lastSeq, String lastHash) {

        static Result failed(int code) {
            return new Result(code, 0, null, 0, null);
        }
    }

    private BundleCheck() {}

    /**
     * @param keys the trusted keys, or null to trust the keys inside the bundle (with a warning)
     * @param publishedDirectory the published checkpoints to compare with, or null
     */
    static Result run(Path bundle, KeyRing keys, Path publishedDirectory, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(bundle)) {
            err.println("no such file: " + bundle);
            return Result.failed(VerifyEvidence.UNREADABLE);
        }
        try (var reader = EvidenceBundle.open(bundle)) {
            if (keys == null) {
                keys = KeyRing.parsePem(reader.publicKeyPem());
                err.println("warning: trusting the public key inside the bundle, key id(s) " + keys.keyIds()
                        + "; compare with the published keys or pass --trusted-key / --trusted-keys");
            }
            Optional<Checkpoint> tail = Optional.empty();
            if (publishedDirectory != null) {
                tail = CheckpointFiles.latestUpTo(publishedDirectory, reader.toSeq());
                if (tail.isEmpty()) {
                    err.println("no published checkpoint in " + publishedDirectory + " to compare the chain with");
                    return Result.failed(VerifyEvidence.UNREADABLE);
                }
            }
            var checkpoints = reader.checkpoints();
            var anchorProblem = RangeBundles.anchorProblem(reader, checkpoints);
            if (anchorProblem.isPresent()) {
                out.println("BROKEN: " + anchorProblem.get());
                return Result.failed(VerifyEvidence.BROKEN);
            }
            var events = new LastSeen(reader.events());
            var verdict =
                    new ChainVerifier(keys).verify(reader.fromSeq(), reader.anchorHash(), events, checkpoints, tail);
            out.println(verdict);
            if (!verdict.ok()) {
                return Result.failed(VerifyEvidence.BROKEN);
            }
            var range = RangeBundles.describe(reader, verdict);
            if (range.isPresent()) {
                out.println(range.get().text());
                if (!range.get().complete()) {
                    return Result.failed(VerifyEvidence.BROKEN);
                }
            }
            if (tail.isPresent()) {
                var t = tail.get();
                out.println("the chain matches the checkpoint published at seq " + t.seq() + " (signed at "
                        + CanonicalForm.instant(t.signedAt()) + " by key " + t.keyId() + ")");
            }
            return new Result(
                    VerifyEvidence.OK, verdict.fromSeq(), reader.anchorHash(), verdict.lastSeq(), events.lastHash);
        } catch (IOException | AuditException | UncheckedIOException e) {
            err.println("cannot read " + bundle + ": " + e.getMessage());
            return Result.failed(VerifyEvidence.UNREADABLE);
        }
    }

    /** Remembers the hash of the last event read. */
    private static final class LastSeen implements Iterator<ChainedEvent> {
        private final Iterator<ChainedEvent> events;
        private String lastHash;

        LastSeen(Iterator<ChainedEvent> events) {
            this.events = events;
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public ChainedEvent next() {
            var event = events.next();
            lastHash = event.hash();
            return event;
        }
    }
}
