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
 * {@code holdout.jsonl}, {@code dev-extra.jsonl} and {@code holdout2.jsonl} to {@code holdout8.jsonl}
 * have all been looked at while tuning, and the person-name classifier and tagger are trained on them: they are
 * development data ({@code holdout2.jsonl} to {@code holdout8.jsonl} were each scored untouched before
 * their errors were read). {@code holdout9.jsonl} and {@code holdout10.jsonl} were held out until issue 9's
 * eleventh round (each scored once after the eighth round and once after the ninth), {@code holdout11.jsonl} and
 * {@code holdout12.jsonl} until its twelfth (each scored twice while held out); they are development data since: the
 * classifier and tagger are trained on them too, and they are held as formerly held out. The held-out files were
 * written afterwards by people who never read the recognizer or any file's errors, in voices the others lack:
 * {@code holdout13.jsonl}, scored once after the eleventh round and once after the twelfth, and {@code
 * holdout14.jsonl}, scored once after the twelfth.
 * They are what the recognizer does on text it was not shaped to (issue 9's goal is precision ≥ 0.99
 * and recall ≥ 0.95). Prints the per-type table for each file, for the development files together and
 * for each held-out file, the first 40 errors of the development files ({@code -Dnames.eval.errors=N}
 * for more; the held-out files' errors are never printed, so that they stay unseen), and holds each
 * group just under what the recognizer reaches: a ratchet, to be raised as it improves. A listed file
 * that is missing fails the test; {@code -Dnames.eval.files=dev.jsonl} scores a
 * subset of the development files.
 */
class PersonNameEvaluationTest {

    private static final String FOLDER = "/masking/person-names/";
    private static final String DEVELOPMENT = "dev.jsonl,holdout.jsonl,dev-extra.jsonl,holdout2.jsonl,holdout3.jsonl,"
            + "holdout4.jsonl,holdout5.jsonl,holdout6.jsonl,holdout7.jsonl,holdout8.jsonl";

    /** A held-out file and the floors just under its untouched score with the current recognizer. */
    private record HeldOut(String file, double precision, double recall) {}

    /**
     * Held out until issue 9's eleventh round (holdout9, holdout10) or twelfth round (holdout11, holdout12), development
     * data since (their errors may be read): floors just under their score with the latest build, which was trained on
     * them.
     */
    private static final List<HeldOut> FORMERLY_HELD_OUT = List.of(
            // 0.9384 / 0.9110 with the ninth round's recognizer, scored once while held out; in-sample 0.9871 / 0.9469
            // with the eleventh round's build, 0.9883 / 0.9506 with the twelfth round's
            new HeldOut("holdout9.jsonl", 0.988, 0.950),
            // 0.9287 / 0.9062 with the ninth round's recognizer, scored once while held out; in-sample 0.9783 / 0.9326
            // with the eleventh round's build, 0.9780 / 0.9355 with the twelfth round's
            new HeldOut("holdout10.jsonl", 0.978, 0.935),
            // held out until the twelfth round: 0.9408 / 0.8742 with the ninth round's recognizer, 0.9725 / 0.8856
            // with the eleventh round's, each scored once; in-sample 0.9882 / 0.9582 with the twelfth round's build
            // (cross-validated, its fold 0.9742 / 0.9463)
            new HeldOut("holdout11.jsonl", 0.988, 0.958),
            // held out until the twelfth round: 0.9357 / 0.9428 with the ninth round's recognizer, 0.9389 / 0.9451
            // with the eleventh round's, each scored once; in-sample 0.9845 / 0.9593 with the twelfth round's build
            // (cross-validated, its fold 0.9557 / 0.9484)
            new HeldOut("holdout12.jsonl", 0.984, 0.959));

    private static final List<HeldOut> HELD_OUT = List.of(
            // new in the eleventh round: 0.9813 / 0.9652 with its build, scored once (main's build before it, the ninth
            // round's recognizer: 0.9510 / 0.9621); 0.9811 / 0.9753 with the twelfth round's, scored once
            new HeldOut("holdout13.jsonl", 0.981, 0.975),
            // new in the twelfth round: 0.9856 / 0.9566 with its build, scored once (main's build before it, the
            // eleventh round's: 0.9850 / 0.9429)
            new HeldOut("holdout14.jsonl", 0.985, 0.956));

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
        // 0.9967 / 0.9824 on the ten files with the eleventh round's build (0.9885 / 0.9644 with the ninth round's);
        // 0.9965 / 0.9845 with the twelfth round's (trained on fourteen files)
        assertThat(combined.precision(PiiType.PERSON_NAME)).as("name precision").isGreaterThanOrEqualTo(0.996);
        assertThat(combined.recall(PiiType.PERSON_NAME)).as("name recall").isGreaterThanOrEqualTo(0.984);
    }

    @Test
    void holdsNamePrecisionAndRecallOnTheFormerlyHeldOutFiles() {
        for (var file : FORMERLY_HELD_OUT) {
            var scores = score(List.of(file.file()));

            assertThat(scores.truePositives(PiiType.PERSON_NAME))
                    .as("names in " + file.file())
                    .isGreaterThan(0);
            assertThat(scores.precision(PiiType.PERSON_NAME))
                    .as("name precision on " + file.file())
                    .isGreaterThanOrEqualTo(file.precision());
            assertThat(scores.recall(PiiType.PERSON_NAME))
                    .as("name recall on " + file.file())
                    .isGreaterThanOrEqualTo(file.recall());
        }
    }

    @Test
    void holdsNamePrecisionAndRecallOnTheHeldOutFiles() {
        for (var heldOut : HELD_OUT) {
            var scores = score(List.of(heldOut.file()));

            assertThat(scores.truePositives(PiiType.PERSON_NAME))
                    .as("names in " + heldOut.file())
                    .isGreaterThan(0);
            assertThat(scores.precision(PiiType.PERSON_NAME))
                    .as("name precision on " + heldOut.file())
                    .isGreaterThanOrEqualTo(heldOut.precision());
            assertThat(scores.recall(PiiType.PERSON_NAME))
                    .as("name recall on " + heldOut.file())
                    .isGreaterThanOrEqualTo(heldOut.recall());
        }
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
