package org.citymaas.runtime.training.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.explain.boundary.Explainer;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped cards' explanation sections are what the trainer measures on the recipes' training data today (no
 * number typed by hand), the tool that writes them changes no other byte of a card, and every shipped model can be
 * explained.
 */
class ShippedExplanationsTest {

    private static final Path ROOT = Path.of("src/main/resources/catalog");

    @Test
    void everyShippedSectionIsReproducedByteForByteFromTheTrainingData(@TempDir Path dir) throws Exception {
        for (ModelRecipe recipe : CatalogRecipes.all()) {
            Path shipped = ROOT.resolve(recipe.name()).resolve("1").resolve(ModelCardCodec.CARD_FILE);
            Path copy = dir.resolve(recipe.name()).resolve("1").resolve(ModelCardCodec.CARD_FILE);
            Files.createDirectories(copy.getParent());
            // the card without its section, then the section written again
            ModelCard card = ModelCardCodec.read(shipped);
            String text = Files.readString(shipped);
            int at = text.indexOf(",\n  \"explanation\" : ");
            assertThat(at).as(recipe.name() + " has an explanation section").isPositive();
            Files.writeString(copy, text.substring(0, at) + "\n}\n");
            assertThat(ModelCardCodec.read(copy).explanation()).isNull();

            CatalogTrainer.explanation(recipe, dir);

            assertThat(Files.readString(copy)).as(recipe.name()).isEqualTo(text);
            assertThat(Explainer.refusal(card)).as(recipe.name()).isNull();
            assertThat(card.explanation().method())
                    .isEqualTo(card.textFeatures() == null ? "exact-shapley" : "occlusion");
            if (card.textFeatures() == null) {
                assertThat(card.explanation().tolerance()).isPositive();
                assertThat(card.explanation().baseline()).isNotEmpty();
            }
        }
    }
}
