package org.citymaas.runtime.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.junit.jupiter.api.Test;

/** Every shipped card speaks both languages of the portal: English and Chinese, each part of it. */
class ShippedCardsTest {

    private static final Path ROOT = Path.of("src/main/resources/catalog");

    @Test
    void everyShippedCardHasItsWholeTextInChineseAndEnglish() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            var cards = files.filter(f -> f.endsWith(ModelCardCodec.CARD_FILE))
                    .map(ModelCardCodec::read)
                    .toList();
            assertThat(cards).hasSize(5);
            for (ModelCard card : cards) {
                assertThat(card.translated("zh")).as(card.name()).isTrue();
                var zh = card.text("zh");
                var en = card.text("en");
                assertThat(en.title()).as(card.name()).isNotBlank().isEqualTo(card.title());
                assertThat(zh.title()).as(card.name()).isNotEqualTo(en.title()).containsPattern("\\p{IsHan}");
                assertThat(zh.intendedUse()).as(card.name()).containsPattern("\\p{IsHan}");
                assertThat(zh.trainingData()).as(card.name()).containsPattern("\\p{IsHan}");
                for (int i = 0; i < en.limitations().size(); i++) {
                    assertThat(zh.limitations().get(i)).as(card.name()).containsPattern("\\p{IsHan}");
                }
                card.inputs()
                        .forEach(f -> assertThat(zh.input(f.name()))
                                .as(card.name() + "." + f.name())
                                .containsPattern("\\p{IsHan}"));
                card.outputs()
                        .forEach(f -> assertThat(zh.output(f.name()))
                                .as(card.name() + "." + f.name())
                                .containsPattern("\\p{IsHan}"));
                card.metrics()
                        .forEach(m -> assertThat(zh.baseline(m.name()))
                                .as(card.name() + "." + m.name())
                                .containsPattern("\\p{IsHan}"));
            }
        }
    }
}
