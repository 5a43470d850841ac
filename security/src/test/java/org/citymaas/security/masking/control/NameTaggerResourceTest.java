package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * The shipped person-name tagger's resource ({@link NameTaggerModel#RESOURCE}) is what the trainer writes: a retrain on
 * the development files gives the same bytes, so the resource is reproducible and nobody edited it by hand.
 */
class NameTaggerResourceTest {

    @Test
    void aRetrainWritesTheSameBytes() throws IOException {
        byte[] shipped;
        try (var in = NameTaggerModel.class.getResourceAsStream(NameTaggerModel.RESOURCE)) {
            assertThat(in).as(NameTaggerModel.RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }

        var retrained = NameTaggerTraining.train().bytes();

        assertThat(retrained).as("retrained tagger").isEqualTo(shipped);
    }

    @Test
    void theShippedTaggerAddsANameWithoutACueAndLeavesAPlace() {
        var pass = new NameTaggerPass(NameTaggerModel.shipped(), NameTaggerPass.ADD, NameTaggerPass.VETO);

        assertThat(pass.spans("昨天张伟反映楼上漏水。")).contains(2 * 1000 + 4);
        assertThat(pass.spans("我们去了王府井大街。")).doesNotContain(4 * 1000 + 6, 4 * 1000 + 7);
        var none = java.util.List.<Finding>of();
        assertThat(pass.refine("我们去了王府井大街。", none)).isEmpty();
        assertThat(pass.refine("昨天张伟反映楼上漏水。", java.util.List.of(new Finding(PiiType.PERSON_NAME, 2, 4))))
                .containsExactly(new Finding(PiiType.PERSON_NAME, 2, 4));
    }

    @Test
    void clausesEndAtPunctuationAndSpacesButNotAtAMiddleDot() {
        assertThat(NameTaggerPass.separator('，')).isTrue();
        assertThat(NameTaggerPass.separator(' ')).isTrue();
        assertThat(NameTaggerPass.separator('\n')).isTrue();
        assertThat(NameTaggerPass.separator('：')).isTrue();
        assertThat(NameTaggerPass.separator('·')).isFalse();
        assertThat(NameTaggerPass.separator('张')).isFalse();
        assertThat(NameTaggerPass.separator('7')).isFalse();
    }

    @Test
    void aLongTextWithoutPunctuationCostsLinearTime() {
        var pass = new NameTaggerPass(NameTaggerModel.shipped(), NameTaggerPass.ADD, NameTaggerPass.VETO);
        var text = "张伟王芳李娜说".repeat(30_000);
        var names = new java.util.ArrayList<Finding>();
        for (int i = 0; i < text.length(); i += 7) {
            names.add(new Finding(PiiType.PERSON_NAME, i, i + 2));
        }

        long started = System.nanoTime();
        var refined = pass.refine(text, names);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(refined).isNotEmpty();
        // quadratic (a margin over the whole 210,000-character clause for each of 30,000 names) would take minutes
        assertThat(seconds).as("seconds").isLessThan(20);
    }
}
