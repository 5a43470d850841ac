package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link NameModelTrainer} on demand (it is no regular test): {@code -Dnames.train=cross} scores
 * the cross-file protocol (train on some development files, score on the others, both ways, against
 * the rules alone); {@code -Dnames.train=model} trains on all development files and writes the model
 * resource. See the security README, "Person-name classifier".
 */
@EnabledIfSystemProperty(named = "names.train", matches = "cross|model")
class NameModelTraining {

    static final List<String> DEVELOPMENT = List.of(System.getProperty(
                    "names.train.files",
                    "dev.jsonl,holdout.jsonl,dev-extra.jsonl,holdout2.jsonl,holdout3.jsonl,holdout4.jsonl,holdout5.jsonl,holdout6.jsonl,"
                            + "holdout7.jsonl,holdout8.jsonl,holdout9.jsonl,holdout10.jsonl,holdout11.jsonl,holdout12.jsonl")
            .split(","));
    static final List<String> FIRST = List.of("dev.jsonl", "holdout.jsonl", "dev-extra.jsonl");
    static final List<String> SECOND = List.of("holdout2.jsonl");
    static final List<String> OLDER = List.of("dev.jsonl", "holdout.jsonl", "dev-extra.jsonl", "holdout2.jsonl");
    static final List<String> THIRD = List.of("holdout3.jsonl");
    static final List<String> FIVE =
            List.of("dev.jsonl", "holdout.jsonl", "dev-extra.jsonl", "holdout2.jsonl", "holdout3.jsonl");
    static final List<String> FOURTH = List.of("holdout4.jsonl");

    @Test
    void train() throws IOException {
        if ("cross".equals(System.getProperty("names.train"))) {
            crossFile(FIRST, SECOND);
            crossFile(SECOND, FIRST);
            crossFile(OLDER, THIRD);
            crossFile(THIRD, OLDER);
            crossFile(FIVE, FOURTH);
            crossFile(FOURTH, FIVE);
            return;
        }
        var texts = NameModelTrainer.read(DEVELOPMENT);
        var model = NameModelTrainer.train(texts);
        var out = Path.of("src/main/resources" + NameClassifier.RESOURCE);
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                model.resource("Person-name classifier (NameClassifier): logistic-regression weights of NameFeatures.\n"
                        + "Written by NameModelTraining (-Dnames.train=model) from " + String.join(", ", DEVELOPMENT)
                        + ".\nDo not edit by hand: retrain."));
        System.out.println("wrote " + out.toAbsolutePath() + "\n" + NameModelScores.score(model, texts));
        try (var written = Files.newInputStream(out)) {
            assertThat(NameClassifier.read(written).resource("")).isEqualTo(model.resource(""));
        }
    }

    private static void crossFile(List<String> train, List<String> test) {
        var model = NameModelTrainer.train(NameModelTrainer.read(train));
        var texts = NameModelTrainer.read(test);
        System.out.println("train " + train + " -> score " + test);
        System.out.print(NameModelScores.coverage(texts));
        System.out.println("  rules alone:             " + NameModelScores.score(null, texts));
        System.out.println("  classifier (threshold "
                + model.resource("").lines().reduce((a, b) -> b).orElse("") + "): "
                + NameModelScores.score(model, texts));
        System.out.print(NameModelScores.curve(model, texts));
        if (Boolean.getBoolean("names.train.differences")) {
            System.out.print(NameModelScores.differences(model, texts));
        }
    }
}
