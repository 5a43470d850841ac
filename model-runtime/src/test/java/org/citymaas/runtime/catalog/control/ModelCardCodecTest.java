package org.citymaas.runtime.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec writes a shipped card back to the very bytes it was read from. */
class ModelCardCodecTest {

    private static final Path ROOT = Path.of("src/main/resources/catalog");

    @Test
    void everyShippedCardRoundTripsByteForByte(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            var cards = files.filter(f -> f.endsWith(ModelCardCodec.CARD_FILE)).toList();
            assertThat(cards).hasSize(5);
            for (Path file : cards) {
                Path copy = dir.resolve(ROOT.relativize(file));
                ModelCardCodec.write(ModelCardCodec.read(file), copy);
                assertThat(Files.readAllBytes(copy)).as(file.toString()).isEqualTo(Files.readAllBytes(file));
            }
        }
    }
}
