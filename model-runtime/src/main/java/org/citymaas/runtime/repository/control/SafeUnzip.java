package org.citymaas.runtime.repository.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.repository.entity.UploadLimits;

/**
 * Extracts an uploaded zip into an empty folder, refusing what could write outside it or exhaust the disk:
 * entries with {@code ..}, absolute or drive paths, backslashes or NUL; symbolic links (Unix mode in the
 * central directory); duplicate names; more entries than allowed; more bytes than allowed once
 * decompressed (counted while inflating, not trusted from the headers) or a compression ratio past the limit.
 * On refusal the caller deletes the folder.
 */
public final class SafeUnzip {

    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final long RATIO_FLOOR = 1L << 20;

    private SafeUnzip() {}

    /** Extracts {@code zip} into {@code target} (an existing empty folder); returns the bytes written. */
    public static long extract(Path zip, Path target, UploadLimits limits) {
        long archiveBytes;
        try {
            archiveBytes = Files.size(zip);
            scanCentralDirectory(zip, limits);
        } catch (IOException e) {
            throw new InvalidModelUploadException("not-a-zip", "the SavedModel archive is not a readable zip file", e);
        }
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        var names = new HashSet<String>();
        try (var file = new ZipFile(zip.toFile())) {
            if (file.size() > limits.maxEntries()) {
                throw refused("too-many-entries", "the archive has more than " + limits.maxEntries() + " entries");
            }
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path to = destination(root, entry.getName());
                if (!names.add(entry.getName())) {
                    throw refused("duplicate-entry", "the archive holds '" + printable(entry.getName()) + "' twice");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                long written;
                try (InputStream in = file.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(to)) {
                    written = copy(in, out, limits.maxUncompressedBytes() - total, entry, limits);
                }
                total += written;
                if (total > RATIO_FLOOR && total > archiveBytes * limits.maxRatio()) {
                    throw bomb("the archive expands more than " + limits.maxRatio() + " times");
                }
            }
        } catch (ZipException e) {
            throw new InvalidModelUploadException("not-a-zip", "the SavedModel archive is not a readable zip file", e);
        } catch (IOException e) {
            throw new InvalidModelUploadException("unreadable", "the SavedModel archive could not be extracted", e);
        }
        return total;
    }

    private static long copy(InputStream in, OutputStream out, long allowed, ZipEntry entry, UploadLimits limits)
            throws IOException {
        var buffer = new byte[64 * 1024];
        long written = 0;
        long compressed = Math.max(1, entry.getCompressedSize());
        int n;
        while ((n = in.read(buffer)) > 0) {
            written += n;
            if (written > allowed) {
                throw bomb("the archive holds more than " + limits.maxUncompressedBytes() + " bytes once extracted");
            }
            if (written > RATIO_FLOOR && written > compressed * limits.maxRatio()) {
                throw bomb("'" + printable(entry.getName()) + "' expands more than " + limits.maxRatio() + " times");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    /** Where an entry goes, or a refusal for a name that could leave the folder. */
    static Path destination(Path root, String name) {
        if (name.isEmpty()
                || name.indexOf('\0') >= 0
                || name.indexOf('\\') >= 0
                || name.startsWith("/")
                || name.matches("^[A-Za-z]:.*")) {
            throw refused("absolute-path", "the archive entry '" + printable(name) + "' is an absolute or unsafe path");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw refused(
                        "path-traversal", "the archive entry '" + printable(name) + "' leaves the archive's folder");
            }
        }
        Path to = root.resolve(name).normalize();
        if (!to.startsWith(root) || to.equals(root)) {
            throw refused("path-traversal", "the archive entry '" + printable(name) + "' leaves the archive's folder");
        }
        return to;
    }

    /**
     * Reads the central directory itself, for what {@link ZipFile} does not tell: the Unix mode of each entry
     * (symbolic links) and archives too large for the plain format (ZIP64, refused).
     */
    private static void scanCentralDirectory(Path zip, UploadLimits limits) throws IOException {
        try (var raf = new RandomAccessFile(zip.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 22 - 65_535);
            var tail = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(tail);
            int eocd = -1;
            for (int i = tail.length - 22; i >= 0; i--) {
                if (int32(tail, i) == END_OF_CENTRAL_DIRECTORY) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new ZipException("no end of central directory");
            }
            int count = int16(tail, eocd + 10);
            long size = int32(tail, eocd + 12) & 0xffffffffL;
            long offset = int32(tail, eocd + 16) & 0xffffffffL;
            if (count == 0xffff || size == 0xffffffffL || offset == 0xffffffffL) {
                throw refused("zip64", "ZIP64 archives are not accepted");
            }
            if (count > limits.maxEntries()) {
                throw refused("too-many-entries", "the archive has more than " + limits.maxEntries() + " entries");
            }
            if (offset + size > length) {
                throw new ZipException("central directory outside the file");
            }
            var directory = new byte[(int) size];
            raf.seek(offset);
            raf.readFully(directory);
            int p = 0;
            for (int i = 0; i < count; i++) {
                if (p + 46 > directory.length || int32(directory, p) != CENTRAL_HEADER) {
                    throw new ZipException("bad central directory");
                }
                int madeBy = int16(directory, p + 4) >>> 8;
                int nameLength = int16(directory, p + 28);
                int extraLength = int16(directory, p + 30);
                int commentLength = int16(directory, p + 32);
                int mode = (int) ((int32(directory, p + 38) & 0xffffffffL) >>> 16);
                if (madeBy == UNIX && (mode & S_IFMT) == S_IFLNK) {
                    String name = new String(directory, p + 46, Math.min(nameLength, directory.length - p - 46));
                    throw refused("symlink", "the archive entry '" + printable(name) + "' is a symbolic link");
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
        }
    }

    private static int int16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int i) {
        return int16(b, i) | int16(b, i + 2) << 16;
    }

    private static InvalidModelUploadException refused(String reason, String message) {
        return new InvalidModelUploadException(reason, message);
    }

    private static InvalidModelUploadException bomb(String message) {
        return new InvalidModelUploadException("zip-bomb", message);
    }

    /** An entry name as the refusal quotes it: printable ASCII, at most 100 characters. */
    static String printable(String name) {
        var kept = name.replaceAll("[^\\x20-\\x7e]", "?");
        return kept.length() > 100 ? kept.substring(0, 100) + "..." : kept;
    }
}
