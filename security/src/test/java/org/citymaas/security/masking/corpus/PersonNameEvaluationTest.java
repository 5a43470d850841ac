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
 * the set names were tuned on; {@code holdout.jsonl} was first scored untouched and has since been
 * looked at, so both are development data now. {@code dev-extra.jsonl} (kinship, shop, estate and
 * form-of-address look-alikes, written before the rules for them) is scored with
 * {@code -Dnames.eval.files=dev-extra.jsonl}. Prints the per-type table for each file and for all
 * together, the first 40 errors ({@code -Dnames.eval.errors=N} for more), and holds names, on dev
 * and holdout together, just under what the recognizer reaches there (precision 0.9973, recall
 * 0.9783): a ratchet above issue 9's goal of precision ≥ 0.99 and recall ≥ 0.95. Raise it as the
 * recognizer improves. A listed file that is missing fails the test; {@code
 * -Dnames.eval.files=dev.jsonl} scores a subset.
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
        assertThat(combined.precision(PiiType.PERSON_NAME)).as("name precision").isGreaterThanOrEqualTo(0.995);
        assertThat(combined.recall(PiiType.PERSON_NAME)).as("name recall").isGreaterThanOrEqualTo(0.975);
    }
}
