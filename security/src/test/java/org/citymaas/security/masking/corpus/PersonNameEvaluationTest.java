package org.citymaas.security.masking.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Scores the whole engine on the person-name evaluation set in {@code masking/person-names/}:
 * hotline, school, hospital and police-report sentences written independently of the recognizer,
 * with names in every position and the look-alikes that must stay unmasked. {@code dev.jsonl},
 * {@code holdout.jsonl}, {@code dev-extra.jsonl}, {@code holdout2.jsonl}, {@code holdout3.jsonl} and
 * {@code holdout4.jsonl} have all been looked at while tuning, and the person-name classifier is
 * trained on them: they are development data ({@code holdout2.jsonl} to {@code holdout4.jsonl} were
 * each scored untouched before their errors were read). {@code holdout5.jsonl} was written afterwards
 * by someone who never read the recognizer or holdout4's errors, and scored once, untouched, after the
 * tuning of issue 9's fifth round: it is what the recognizer does
 * on text it was not shaped to (issue 9's goal is precision ≥ 0.99 and recall ≥ 0.95). Prints the
 * per-type table for each file, for the development files together and for the held-out file, the
 * first 40 errors of the development files ({@code -Dnames.eval.errors=N} for more; the held-out
 * file's errors are never printed, so that it stays unseen), and holds each group just under what the
 * recognizer reaches: a ratchet, to be raised as it improves. A listed file that is missing fails the
 * test; {@code -Dnames.eval.files=dev.jsonl} scores a subset of the development files.
 */
class PersonNameEvaluationTest {

    private static final String FOLDER = "/masking/person-names/";
    private static final String DEVELOPMENT =
            "dev.jsonl,holdout.jsonl,dev-extra.jsonl,holdout2.jsonl,holdout3.jsonl,holdout4.jsonl";
    private static final String HELD_OUT = "holdout5.jsonl";

    /** Just under the held-out file's one untouched score (precision 0.9656, recall 0.9404). */
    private static final double HELD_OUT_PRECISION = 0.965;

    private static final double HELD_OUT_RECALL = 0.940;

    private final PiiScanner scanner = new PiiScanner();

    @Test
    void holdsNamePrecisionAndRecallOnTheDevelopmentFiles() {
        var files = Arrays.stream(
                        System.getProperty("names.eval.files", DEVELOPMENT).split(","))
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .toList();
        var combined = score(files);
        combined.errors().stream()
                .limit(Integer.getInteger("names.eval.errors", 40))
                .forEach(System.out::println);

        assertThat(combined.truePositives(PiiType.PERSON_NAME))
                .as("names in the set")
                .isGreaterThan(0);
        assertThat(combined.precision(PiiType.PERSON_NAME)).as("name precision").isGreaterThanOrEqualTo(0.988);
        assertThat(combined.recall(PiiType.PERSON_NAME)).as("name recall").isGreaterThanOrEqualTo(0.970);
    }

    @Test
    void holdsNamePrecisionAndRecallOnTheHeldOutFile() {
        var scores = score(List.of(HELD_OUT));

        assertThat(scores.truePositives(PiiType.PERSON_NAME))
                .as("names in the set")
                .isGreaterThan(0);
        assertThat(scores.precision(PiiType.PERSON_NAME))
                .as("name precision")
                .isGreaterThanOrEqualTo(HELD_OUT_PRECISION);
        assertThat(scores.recall(PiiType.PERSON_NAME)).as("name recall").isGreaterThanOrEqualTo(HELD_OUT_RECALL);
    }

    private Scores score(List<String> files) {
        var combined = new Scores();
        for (var file : files) {
            var scores = Scores.of(Corpus.jsonl(FOLDER + file, file + ":"), scanner::scan);
            System.out.println(scores.table("Person-name evaluation, " + file));
            combined = combined.plus(scores);
        }
        if (files.size() > 1) {
            System.out.println(combined.table("Person-name evaluation, " + String.join(" + ", files)));
        }
        return combined;
    }
}
