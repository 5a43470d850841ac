package org.citymaas.runtime.training.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.citymaas.runtime.catalog.control.CatalogExtractor;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.catalog.entity.TrainingData;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.ExplanationBaseline;
import org.citymaas.runtime.training.control.HeldOutEvaluation;
import org.citymaas.runtime.training.control.MlpSpec;
import org.citymaas.runtime.training.control.MlpTrainer;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;

/**
 * {@code CatalogTrainer <catalog dir> [model ...]}: rebuilds the catalog models (all five by default)
 * as version 1, the default. {@code CatalogTrainer --explanations <catalog dir> [model ...]} only rewrites the
 * {@code explanation} section of the cards there from the recipes' training data (the SavedModels untouched).
 */
public final class CatalogTrainer {

    private CatalogTrainer() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CatalogTrainer <catalog dir> [model ...]");
            System.exit(2);
        }
        if (args[0].equals("--explanations")) {
            Path root = Path.of(args[1]);
            var recipes = args.length == 2
                    ? CatalogRecipes.all()
                    : Stream.of(args).skip(2).map(CatalogRecipes::named).toList();
            recipes.forEach(recipe -> explanation(recipe, root));
            writeIndex(root);
            return;
        }
        Path root = Path.of(args[0]);
        var recipes = args.length == 1
                ? CatalogRecipes.all()
                : Stream.of(args).skip(1).map(CatalogRecipes::named).toList();
        // the DJL engine loads the TensorFlow natives that the org.tensorflow training classes use too
        InferenceEngine engine = new TensorFlowEngine(TensorFlowEngine.DevicePreference.CPU);
        System.out.println("TensorFlow " + TensorFlowEngine.version() + " on " + engine.device());
        for (ModelRecipe recipe : recipes) {
            ModelCard card = train(recipe, root, engine);
            for (Metric m : card.metrics()) {
                System.out.printf(
                        "%-24s %-22s model %10.4f   %s %10.4f%n",
                        card.name(), m.name(), m.value(), m.baseline(), m.baselineValue());
            }
        }
        writeIndex(root);
    }

    static ModelCard train(ModelRecipe recipe, Path root, InferenceEngine engine) {
        long start = System.nanoTime();
        ModelRecipe.Split split = recipe.generate();
        ModelCard draft = recipe.card(List.of());
        Table train = modelTable(draft, recipe.network(), split.train());
        Path versionDir = root.resolve(recipe.name()).resolve(draft.version());
        Path savedModel = versionDir.resolve(ModelCardCodec.SAVED_MODEL_DIR);
        new MlpTrainer(recipe.network()).trainAndExport(train, savedModel);
        List<Metric> metrics;
        try (LoadedModel model = engine.load(new ModelVersion(draft, savedModel, true, 0))) {
            metrics = HeldOutEvaluation.evaluate(recipe, draft, model);
        }
        TrainingData data = draft.trainingData();
        ModelCard card = recipe.card(metrics)
                .withTrainingData(new TrainingData(
                        data.description(),
                        data.generator(),
                        data.seed(),
                        split.train().rows(),
                        split.heldOut().rows()))
                .withExplanation(ExplanationBaseline.of(recipe, draft, split.train()));
        Path cardFile = versionDir.resolve(ModelCardCodec.CARD_FILE);
        if (Files.exists(cardFile)) {
            // the recipes hold the English text; the translations are kept from the card being replaced
            card = card.withTranslations(ModelCardCodec.read(cardFile).translations());
        }
        ModelCardCodec.write(card, cardFile);
        ModelCardCodec.writeDefaultVersion(root.resolve(recipe.name()), card.version());
        System.out.printf(
                "%s: %d training rows, %d held out, %.1f s%n",
                recipe.name(), split.train().rows(), split.heldOut().rows(), (System.nanoTime() - start) / 1e9);
        return card;
    }

    /** Rewrites the explanation section of a recipe's card in the catalog, from the recipe's training rows. */
    static ModelCard explanation(ModelRecipe recipe, Path root) {
        ModelCard draft = recipe.card(List.of());
        Path cardFile = root.resolve(recipe.name()).resolve(draft.version()).resolve(ModelCardCodec.CARD_FILE);
        ModelCard card = ModelCardCodec.read(cardFile);
        card = card.withExplanation(
                ExplanationBaseline.of(recipe, card, recipe.generate().train()));
        ModelCardCodec.writeExplanation(cardFile, card.explanation());
        System.out.printf(
                "%s: explanation %s%n", recipe.name(), card.explanation().method());
        return card;
    }

    /** SavedModel inputs (as the runtime prepares them) plus the target columns. */
    static Table modelTable(ModelCard card, MlpSpec spec, Table rows) {
        var names = card.inputs().stream().map(FieldSpec::name).toList();
        List<Tensor> inputs = new ModelInputs(card).prepare(rows.columns(names));
        var columns = new LinkedHashMap<String, Tensor>();
        inputs.forEach(t -> columns.put(t.name(), t));
        spec.heads().forEach(h -> columns.put(h.target(), rows.column(h.target())));
        return new Table(rows.rows(), columns);
    }

    /** {@code index.txt}: every file with a digest of its content, for extraction from a jar. */
    static void writeIndex(Path root) {
        var lines = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!rel.equals(CatalogExtractor.INDEX)) {
                    lines.add(digest(f) + " " + rel);
                }
            }
            Files.write(root.resolve(CatalogExtractor.INDEX), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
