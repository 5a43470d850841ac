package org.citymaas.runtime.training.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.HeldOutEvaluation;
import org.citymaas.runtime.training.control.ModelRecipe;

/**
 * {@code CardFairness <catalog dir> [model ...]} (or {@code CardFairness --version-dir <dir> <recipe>} for one
 * version folder): (re)writes the fairness section of the catalog cards from the
 * SavedModels as they are, without training: the recipe's held-out rows with their group attributes run through
 * the model, the per-group metrics and checks go into the card's {@code fairness} member, the last one; every
 * other byte of the card and the SavedModel stay as they were.
 */
public final class CardFairness {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final String MEMBER = ",\n  \"fairness\" : ";

    private CardFairness() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CardFairness <catalog dir> [model ...]");
            System.exit(2);
        }
        if (args[0].equals("--version-dir") && args.length == 3) {
            // one version folder outside the catalog, e.g. a test's uploaded version, by its recipe
            write(
                    CatalogRecipes.named(args[2]),
                    Path.of(args[1]),
                    new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU));
            return;
        }
        Path root = Path.of(args[0]);
        var recipes = args.length == 1
                ? CatalogRecipes.all()
                : Stream.of(args).skip(1).map(CatalogRecipes::named).toList();
        InferenceEngine engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        for (ModelRecipe recipe : recipes) {
            Path versionDir = root.resolve(recipe.name())
                    .resolve(recipe.card(java.util.List.of()).version());
            FairnessReport report = write(recipe, versionDir, engine);
            report.checks()
                    .forEach(c -> System.out.printf(
                            "%-24s %-16s %-30s %10.4f %s %.2f %s (worst %s, best %s)%n",
                            recipe.name(),
                            c.attribute(),
                            c.metric(),
                            c.value(),
                            c.atLeast() ? ">=" : "<=",
                            c.tolerance(),
                            c.within() ? "within" : "OUTSIDE",
                            c.worstGroup(),
                            c.bestGroup()));
        }
        CatalogTrainer.writeIndex(root);
    }

    /** Measures the version's fairness and writes it into its card; answers the report. */
    public static FairnessReport write(ModelRecipe recipe, Path versionDir, InferenceEngine engine) {
        Path cardFile = versionDir.resolve(ModelCardCodec.CARD_FILE);
        ModelCard card = ModelCardCodec.read(cardFile);
        FairnessReport report;
        try (LoadedModel model =
                engine.load(new ModelVersion(card, versionDir.resolve(ModelCardCodec.SAVED_MODEL_DIR), true, 0))) {
            report = HeldOutEvaluation.fairness(recipe, card, model);
        }
        try {
            Files.writeString(cardFile, withFairness(Files.readString(cardFile), report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!report.equals(ModelCardCodec.read(cardFile).fairness())) {
            throw new IllegalStateException("the fairness section of " + cardFile + " does not read back");
        }
        return report;
    }

    /** The card's JSON text with its fairness member (the last one) replaced or added, the rest untouched. */
    static String withFairness(String cardJson, FairnessReport report) throws IOException {
        String text = cardJson.stripTrailing();
        int at = text.indexOf(MEMBER);
        String rest = at < 0 ? text.substring(0, text.lastIndexOf('}')).stripTrailing() : text.substring(0, at);
        var expected = (ObjectNode) JSON.readTree(cardJson);
        expected.remove("fairness");
        if (!JSON.readTree(rest + "\n}").equals(expected)) {
            throw new IllegalStateException("the card's fairness member is not its last one: not rewritten");
        }
        String section = JSON.writeValueAsString(report).replace("\n", "\n  ");
        return rest + MEMBER + section + "\n}\n";
    }
}
