package org.citymaas.security.audit.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.AuditException;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.CheckpointConflictException;

/**
 * Signed checkpoints as files in a write-once directory, one per checkpoint, named by zero-padded seq
 * ({@code checkpoint-00000000000000000042.json}, so names sort as seqs do), each one line of JSON with
 * the fields of a bundle's {@code checkpoints.jsonl}. A file is written whole or not at all: into a
 * temporary file, flushed to disk, then linked to its name (which fails if the name exists), and the
 * directory flushed; an existing file is never replaced. Files are left read-only (mode 444).
 */
public final class CheckpointFiles {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{20})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFiles() {}

    /** The file name of the checkpoint at {@code seq}. */
    public static String fileName(long seq) {
        return String.format("checkpoint-%020d.json", seq);
    }

    /**
     * Writes the checkpoint unless its file is there with the same content; returns whether it wrote.
     *
     * @throws CheckpointConflictException if the file holds another checkpoint
     */
    public static boolean publish(Path directory, Checkpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        var target = directory.resolve(fileName(checkpoint.seq()));
        byte[] content = encode(checkpoint);
        if (Files.exists(target)) {
            return sameAs(target, content);
        }
        var temp = Files.createTempFile(directory, ".checkpoint-", ".tmp");
        try {
            try (var out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(content));
                out.force(true);
            }
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // an accidental write fails; the directory's owner can still change the mode: production
                // plugs a retention-locked store instead (see CheckpointSink)
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
            }
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                // another instance published at the same moment
                return sameAs(target, content);
            } catch (UnsupportedOperationException e) {
                try (var out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(ByteBuffer.wrap(content));
                    out.force(true);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        return true;
    }

    /** The published checkpoint with the highest seq not above {@code upTo}, if any. */
    public static Optional<Checkpoint> latestUpTo(Path directory, long upTo) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        long latest = -1;
        try (var files = Files.list(directory)) {
            for (var file : (Iterable<Path>) files::iterator) {
                var name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    long seq = Long.parseLong(name.group(1));
                    if (seq <= upTo && seq > latest) {
                        latest = seq;
                    }
                }
            }
        }
        return latest < 0 ? Optional.empty() : Optional.of(read(directory.resolve(fileName(latest)), latest));
    }

    private static Checkpoint read(Path file, long seq) throws IOException {
        var text = Files.readString(file, StandardCharsets.UTF_8);
        Checkpoint checkpoint;
        try {
            var node = JSON.readTree(text);
            checkpoint = new Checkpoint(
                    node.path("seq").asLong(-1),
                    node.path("headHash").asText(null),
                    CanonicalForm.parseInstant(node.path("signedAt").asText(null)),
                    node.path("keyId").asText(null),
                    node.path("signature").asText(null));
        } catch (RuntimeException e) {
            throw new AuditException("the published checkpoint " + file + " is unreadable: " + e.getMessage(), e);
        }
        if (checkpoint.seq() != seq) {
            throw new AuditException(
                    "the published checkpoint " + file + " holds the checkpoint at seq " + checkpoint.seq());
        }
        return checkpoint;
    }

    static byte[] encode(Checkpoint c) {
        var node = JSON.createObjectNode()
                .put("seq", c.seq())
                .put("headHash", c.headHash())
                .put("signedAt", CanonicalForm.instant(c.signedAt()))
                .put("keyId", c.keyId())
                .put("signature", c.signature());
        return (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean sameAs(Path target, byte[] content) throws IOException {
        if (!Arrays.equals(Files.readAllBytes(target), content)) {
            throw new CheckpointConflictException("refusing to overwrite the published checkpoint " + target
                    + ": it holds another checkpoint than the database's at that seq (the published record"
                    + " was altered, or another chain publishes into the same place)");
        }
        return false;
    }
}
