package org.citymaas.security.audit.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.citymaas.security.audit.entity.AuditException;

/**
 * The archive of retention: one evidence bundle per removed segment, {@code
 * audit-events-<from>-<to>.zip} (seq zero-padded to 20 digits), written once: to a temporary file,
 * flushed to disk, verified, made read-only, then linked to its name (which fails if it exists). A
 * bundle already there from an earlier run is kept if it verifies for the same segment.
 */
public final class ArchiveFiles {

    private ArchiveFiles() {}

    /** The file name of the archive of {@code fromSeq..toSeq}. */
    public static String fileName(long fromSeq, long toSeq) {
        return String.format("audit-events-%020d-%020d.zip", fromSeq, toSeq);
    }

    /** Writes the bundle's bytes to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes and verifies the archive of {@code fromSeq..toSeq} in {@code directory} unless a verified one
     * is there; returns its path.
     *
     * @param anchorHash the hash the segment's first event links to (genesis, or the signed head before it)
     * @throws AuditException the bundle written (or found) does not verify, or the directory cannot be written
     */
    public static Path write(
            Path directory, long fromSeq, long toSeq, String anchorHash, KeyRing keys, Content content) {
        var target = directory.resolve(fileName(fromSeq, toSeq));
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                requireVerified(target, keys, fromSeq, toSeq, anchorHash, "the archive already there, ");
                return target;
            }
            var temp = Files.createTempFile(directory, ".audit-events-", ".part");
            try {
                try (var out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                    content.writeTo(out);
                }
                try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                requireVerified(temp, keys, fromSeq, toSeq, anchorHash, "the archive just written, ");
                if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
                }
                try {
                    Files.createLink(target, temp);
                } catch (FileAlreadyExistsException e) {
                    // another instance archived the same segment a moment ago
                    requireVerified(target, keys, fromSeq, toSeq, anchorHash, "the archive already there, ");
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, target);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
            return target;
        } catch (IOException e) {
            throw new AuditException("could not write the audit archive " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why the file is not an evidence bundle of exactly {@code fromSeq..toSeq} whose chain verifies with
     * the keys from {@code anchorHash} to a checkpoint signed at {@code toSeq}, if it is not.
     */
    public static Optional<String> problem(Path bundle, KeyRing keys, long fromSeq, long toSeq, String anchorHash) {
        try (var reader = EvidenceBundle.open(bundle)) {
            if (reader.fromSeq() != fromSeq || !anchorHash.equals(reader.anchorHash())) {
                return Optional.of("it starts at seq " + reader.fromSeq() + " linked to " + reader.anchorHash()
                        + ", not at seq " + fromSeq + " linked to " + anchorHash);
            }
            var checkpoints = reader.checkpoints();
            if (checkpoints.stream().noneMatch(c -> c.seq() == toSeq)) {
                return Optional.of("it holds no checkpoint signed at seq " + toSeq);
            }
            var verdict = new ChainVerifier(keys).verify(fromSeq, anchorHash, reader.events(), checkpoints);
            if (!verdict.ok()) {
                return Optional.of(verdict.toString());
            }
            if (verdict.lastSeq() != toSeq || verdict.eventsVerified() != toSeq - fromSeq + 1) {
                return Optional.of("it holds " + verdict.eventsVerified() + " events (seq " + fromSeq + ".."
                        + verdict.lastSeq() + "), not seq " + fromSeq + ".." + toSeq);
            }
            return Optional.empty();
        } catch (IOException | AuditException e) {
            return Optional.of("it cannot be read: " + e.getMessage());
        }
    }

    /** Lowercase hex SHA-256 of the file. */
    public static String sha256(Path file) {
        var digest = digest();
        try (var in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new AuditException("could not read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void requireVerified(
            Path file, KeyRing keys, long fromSeq, long toSeq, String anchorHash, String what) {
        var problem = problem(file, keys, fromSeq, toSeq, anchorHash);
        if (problem.isPresent()) {
            throw new AuditException("refusing to remove seq " + fromSeq + ".." + toSeq + ": " + what + file
                    + ", does not verify: " + problem.get());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
