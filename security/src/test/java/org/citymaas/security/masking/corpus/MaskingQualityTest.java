package org.citymaas.security.masking.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per type on the labelled corpus (exact type and span), printed as a table:
 * at least 0.99 for every pattern type, precision 0.99 and recall 0.95 for names; and no labelled
 * value may survive masking.
 */
class MaskingQualityTest {

    private final TextMasker masker = new TextMasker(new PiiScanner());

    @Test
    void meetsPrecisionAndRecallGoalsPerTypeOnTheCorpus() {
        var scores = Scores.of(Corpus.all(), masker::scan);
        System.out.println(scores.table("Masking corpus"));
        scores.errors().stream().limit(40).forEach(System.out::println);

        for (var type : PiiType.values()) {
            assertThat(scores.truePositives(type))
                    .as("corpus labels of %s", type)
                    .isGreaterThanOrEqualTo(50);
            if (type == PiiType.PERSON_NAME) {
                assertThat(scores.precision(type)).as("precision of %s", type).isGreaterThanOrEqualTo(0.99);
                assertThat(scores.recall(type)).as("recall of %s", type).isGreaterThanOrEqualTo(0.95);
            } else {
                assertThat(scores.precision(type)).as("precision of %s", type).isGreaterThanOrEqualTo(0.99);
                assertThat(scores.recall(type)).as("recall of %s", type).isGreaterThanOrEqualTo(0.99);
            }
        }
    }

    @Test
    void leavesNoLabelledValueReadableInTheMaskedText() {
        var leaks = new ArrayList<String>();
        for (var c : Corpus.all()) {
            var masked = masker.mask(c.text()).masked();
            for (var label : c.labels()) {
                var value = c.text().substring(label.start(), label.end());
                if (label.type() != PiiType.PERSON_NAME || recognized(c, label)) {
                    if (masked.contains(value)) {
                        leaks.add(label.type() + " '" + value + "' in " + masked);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Names the engine misses (at most 5%, asserted above) are counted there, not as leaks here. */
    private boolean recognized(LabelledCase c, org.citymaas.security.masking.entity.Finding label) {
        return masker.scan(c.text()).contains(label);
    }
}
