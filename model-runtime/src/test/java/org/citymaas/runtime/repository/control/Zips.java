package org.citymaas.runtime.repository.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives built in memory for the tests, hostile ones included. */
public final class Zips {

    private Zips() {}

    /** A zip of the named entries (a name ending in / is a folder), deflated. */
    public static byte[] of(Map<String, byte[]> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] of(String name, byte[] content) {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put(name, content);
        return of(entries);
    }

    /** The zip with every central directory entry marked as a Unix symbolic link (mode 0120777). */
    public static byte[] asSymlinks(byte[] zip) {
        var patched = zip.clone();
        for (int i = 0; i + 46 <= patched.length; i++) {
            if ((patched[i] & 0xff) == 0x50
                    && patched[i + 1] == 0x4b
                    && patched[i + 2] == 0x01
                    && patched[i + 3] == 0x02) {
                patched[i + 5] = 3; // made by Unix
                int mode = 0120777;
                patched[i + 40] = (byte) (mode & 0xff);
                patched[i + 41] = (byte) ((mode >>> 8) & 0xff);
            }
        }
        return patched;
    }
}
