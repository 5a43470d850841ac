package org.citymaas.runtime.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalog's {@code index.txt} lists every file with the digest of what is committed: the
 * extracted catalog is cached by the index's digest, so a card edited without its index line would
 * never reach a portal that extracted the catalog before.
 */
class ShippedIndexTest {

    private static final Path ROOT = Path.of("src/main/resources/catalog");

    @Test
    void everyShippedFileIsIndexedWithItsDigest() throws IOException {
        var indexed = new TreeMap<String, String>();
        for (var line : Files.readAllLines(ROOT.resolve(CatalogExtractor.INDEX))) {
            indexed.put(line.substring(line.indexOf(' ') + 1), line.substring(0, line.indexOf(' ')));
        }
        var actual = new TreeMap<String, String>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var rel = ROOT.relativize(file).toString().replace('\\', '/');
                if (!rel.equals(CatalogExtractor.INDEX)) {
                    actual.put(rel, digest(file));
                }
            }
        }
        assertThat(indexed).isEqualTo(actual);
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
