package org.citymaas.runtime.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.citymaas.runtime.catalog.entity.PredictionReference;
import org.junit.jupiter.api.Test;

/** Every shipped card carries the held-out distribution of its first output that drift is judged against. */
class ShippedReferencesTest {

    private static final Path ROOT = Path.of("src/main/resources/catalog");

    @Test
    void everyShippedCardHasAUsablePredictionReferenceOfItsFirstOutput() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            var cards = files.filter(f -> f.endsWith(ModelCardCodec.CARD_FILE))
                    .map(ModelCardCodec::read)
                    .toList();
            assertThat(cards).hasSize(5);
            for (var card : cards) {
                var reference = card.driftReference();
                assertThat(reference).as(card.name()).isPresent();
                assertThat(reference.get().output())
                        .as(card.name())
                        .isEqualTo(card.outputs().get(0).name());
                assertThat(reference.get().rows())
                        .as(card.name())
                        .isEqualTo(card.trainingData().heldOutRows());
                switch (card.task()) {
                    case "regression" -> assertThat(reference.get().binning()).isEqualTo(PredictionReference.DECILES);
                    case "binary-classification" ->
                        assertThat(reference.get().edges()).isEqualTo(PredictionReference.PROBABILITY_EDGES);
                    default ->
                        assertThat(reference.get().labels())
                                .isEqualTo(card.outputs().get(0).labels());
                }
                assertThat(reference.get().bins()).as(card.name()).isBetween(8, 10);
            }
        }
    }
}
