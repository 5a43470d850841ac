package org.citymaas.security.masking.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Scores the whole engine on the person-name evaluation set in {@code masking/person-names/}:
 * hotline, school, hospital and police-report sentences written independently of the recognizer,
 * with names in every position and the look-alikes that must stay unmasked. {@code dev.jsonl} is
 * the set names were tuned on, {@code holdout.jsonl} was never looked at while tuning, so its score
 * is the honest one. Prints the per-type table for each file and for both together, the first 40
 * errors ({@code -Dnames.eval.errors=N} for more), and holds names to what the recognizer reached
 * on the combined set when the holdout was first scored (precision 0.9872, recall 0.9778): a ratchet,
 * not the goal. Issue 9's goal is precision ≥ 0.99 and recall ≥ 0.95; precision is short of it (the
 * holdout's false spans: kinship and everyday words after a person, 孙子、周知、连根, and brands named
 * after people, 吴良材、金六福). Raise the floor as the recognizer improves. A listed file that is
 * missing fails the test; {@code -Dnames.eval.files=dev.jsonl} scores a subset.
 */
class PersonNameEvaluationTest {

    private static final String FOLDER = "/masking/person-names/";
    private static final String FILES = "dev.jsonl,holdout.jsonl";

    private final PiiScanner scanner = new PiiScanner();

    @Test
    void findsNamesWithPrecisionAndRecallGoalsOnTheEvaluationSet() {
        Scores combined = new Scores();
        var files = Arrays.stream(System.getProperty("names.eval.files", FILES).split(","))
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .toList();
        for (var file : files) {
            var scores = Scores.of(Corpus.jsonl(FOLDER + file, file + ":"), scanner::scan);
            System.out.println(scores.table("Person-name evaluation, " + file));
            combined = combined.plus(scores);
        }
        System.out.println(combined.table("Person-name evaluation, " + String.join(" + ", files)));
        combined.errors().stream()
                .limit(Integer.getInteger("names.eval.errors", 40))
                .forEach(System.out::println);

        assertThat(combined.truePositives(PiiType.PERSON_NAME))
                .as("names in the set")
                .isGreaterThan(0);
        assertThat(combined.precision(PiiType.PERSON_NAME)).as("name precision").isGreaterThanOrEqualTo(0.985);
        assertThat(combined.recall(PiiType.PERSON_NAME)).as("name recall").isGreaterThanOrEqualTo(0.975);
    }
}
