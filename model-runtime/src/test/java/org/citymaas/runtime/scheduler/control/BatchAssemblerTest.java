package org.citymaas.runtime.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    @Test
    void stacksRequestsRowAfterRowAndSplitsTheOutputsBack() {
        var a = List.of(Tensor.fp32("x", new long[] {1, 2}, 1f, 2f), Tensor.int64("h", new long[] {1, 1}, 7));
        var b = List.of(
                Tensor.fp32("x", new long[] {2, 2}, 3f, 4f, 5f, 6f), Tensor.int64("h", new long[] {2, 1}, 8, 9));

        List<Tensor> stacked = BatchAssembler.stack(List.of(a, b));

        assertThat(stacked.get(0).shape()).containsExactly(3, 2);
        assertThat(stacked.get(0).floats()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        assertThat(stacked.get(1).longs()).containsExactly(7, 8, 9);

        var out = List.of(Tensor.fp32("y", new long[] {3, 1}, 10f, 20f, 30f));
        assertThat(BatchAssembler.slice(out, 0, 1, 3).get(0).floats()).containsExactly(10f);
        assertThat(BatchAssembler.slice(out, 1, 2, 3).get(0).floats()).containsExactly(20f, 30f);
        assertThat(BatchAssembler.slice(out, 1, 2, 3).get(0).shape()).containsExactly(2, 1);
    }
}
