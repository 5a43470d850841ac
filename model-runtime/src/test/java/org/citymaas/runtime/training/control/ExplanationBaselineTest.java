package org.citymaas.runtime.training.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class ExplanationBaselineTest {

    @Test
    void fp32InputsTakeTheMeanOfEachElement() {
        var column = Tensor.fp32("v", new long[] {3, 2}, 1, 10, 2, 20, 3, 60);
        assertThat(ExplanationBaseline.baseline(column)).containsExactly(new double[] {2, 30}, within(1e-12));
    }

    @Test
    void int64InputsTakeTheMostFrequentValueAndAmongTiesTheOneNearestTheMean() {
        assertThat(ExplanationBaseline.baseline(Tensor.int64("h", new long[] {5, 1}, 0, 1, 1, 0, 1)))
                .containsExactly(1.0);
        // every hour once: the mean is 11.5, 11 and 12 are as near; the smaller
        long[] hours = new long[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = h;
        }
        assertThat(ExplanationBaseline.baseline(Tensor.int64("h", new long[] {24, 1}, hours)))
                .containsExactly(11.0);
        assertThat(ExplanationBaseline.baseline(Tensor.int64("d", new long[] {4, 1}, 6, 6, 0, 0)))
                .containsExactly(0.0);
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertThat(ExplanationBaseline.rounded(438.0434563758389)).isEqualTo(438.043);
        assertThat(ExplanationBaseline.rounded(0.29431519407854717)).isEqualTo(0.294315);
        assertThat(ExplanationBaseline.rounded(0)).isZero();
    }
}
