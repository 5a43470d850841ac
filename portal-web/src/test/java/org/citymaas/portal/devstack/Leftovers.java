package org.citymaas.portal.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What earlier runs of the integration tests left in their temporary folder ({@code citymaas.payara.tmpdir}, the
 * build folder): a Payara Micro that was killed keeps its unpacked runtime (about half a gigabyte), Arquillian never
 * deletes its copy of the WAR, and the test stack's folders outlive the run. Removed when the next run's stack starts;
 * only what is older than this JVM, so a server this run already started keeps its files.
 */
final class Leftovers {

    private static final List<String> PREFIXES = List.of(
            "payaramicro-rt",
            "arquillian-payara-micro",
            "citymaas-models",
            "citymaas-published-checkpoints",
            "model-upload");

    private Leftovers() {}

    static void remove() {
        var folder = System.getProperty("citymaas.payara.tmpdir");
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            return;
        }
        var started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        try (Stream<Path> entries = Files.list(Path.of(folder))) {
            for (var entry : entries.filter(e -> leftover(e, started)).toList()) {
                deleteTree(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            System.out.printf("test stack: could not remove an earlier run's files in %s: %s%n", folder, e);
        }
    }

    private static boolean leftover(Path entry, Instant started) {
        var name = entry.getFileName().toString();
        try {
            return PREFIXES.stream().anyMatch(name::startsWith)
                    && Files.getLastModifiedTime(entry).toInstant().isBefore(started);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
