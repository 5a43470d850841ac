package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class ChunkRowsTest {

    private static List<Tensor> line(float count, long hour, String text) {
        return List.of(
                Tensor.fp32("counts", new long[] {1, 2}, count, count + 1),
                Tensor.int64("hour", new long[] {1, 1}, hour),
                Tensor.bytes("text", new long[] {1, 1}, text));
    }

    @Test
    void linesAreStackedAlongTheBatchDimensionInOrder() {
        var stacked = ChunkRows.stack(List.of(line(1, 5, "a"), line(3, 6, "b"), line(5, 7, "c")));

        assertThat(stacked).extracting(Tensor::name).containsExactly("counts", "hour", "text");
        assertThat(stacked.get(0).shape()).containsExactly(3, 2);
        assertThat(stacked.get(0).floats()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(stacked.get(1).shape()).containsExactly(3, 1);
        assertThat(stacked.get(1).longs()).containsExactly(5, 6, 7);
        assertThat(stacked.get(2).strings()).containsExactly("a", "b", "c");
    }

    @Test
    void linesWithOtherInputsAreNotStackable() {
        var other = List.of(
                Tensor.fp32("counts", new long[] {1, 3}, 1, 2, 3),
                Tensor.int64("hour", new long[] {1, 1}, 1),
                Tensor.bytes("text", new long[] {1, 1}, "x"));

        assertThat(ChunkRows.stackable(List.of(line(1, 1, "a"), line(2, 2, "b"))))
                .isTrue();
        assertThat(ChunkRows.stackable(List.of(line(1, 1, "a"), other))).isFalse();
        assertThat(ChunkRows.stackable(List.of(line(1, 1, "a"), line(1, 1, "a").subList(0, 2))))
                .isFalse();
        assertThat(ChunkRows.stackable(List.of())).isFalse();
        assertThatThrownBy(() -> ChunkRows.stack(List.of(line(1, 1, "a"), other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputsAreCutBackByEachPartsRows() {
        var outputs = List.of(
                Tensor.fp32("vehicles", new long[] {4, 1}, 10, 20, 30, 40),
                Tensor.fp32("probabilities", new long[] {4, 2}, 1, 2, 3, 4, 5, 6, 7, 8));

        var parts = ChunkRows.split(outputs, List.of(1, 2, 1));

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).get(0).floats()).containsExactly(10);
        assertThat(parts.get(0).get(1).floats()).containsExactly(1, 2);
        assertThat(parts.get(1).get(0).shape()).containsExactly(2, 1);
        assertThat(parts.get(1).get(0).floats()).containsExactly(20, 30);
        assertThat(parts.get(1).get(1).floats()).containsExactly(3, 4, 5, 6);
        assertThat(parts.get(2).get(1).shape()).containsExactly(1, 2);
        assertThat(parts.get(2).get(1).floats()).containsExactly(7, 8);
        assertThat(parts.get(2)).extracting(Tensor::name).containsExactly("vehicles", "probabilities");
    }

    @Test
    void stackingThenSplittingGivesEachLineItsOwnRowsBack() {
        var lines = List.of(line(1, 5, "a"), line(3, 6, "b"), line(5, 7, "c"));

        var back = ChunkRows.split(ChunkRows.stack(lines), List.of(1, 1, 1));

        for (int i = 0; i < lines.size(); i++) {
            assertThat(back.get(i).get(0).floats())
                    .isEqualTo(lines.get(i).get(0).floats());
            assertThat(back.get(i).get(1).longs()).isEqualTo(lines.get(i).get(1).longs());
            assertThat(back.get(i).get(2).strings())
                    .isEqualTo(lines.get(i).get(2).strings());
        }
    }

    @Test
    void anOutputWithoutTheRowsSentIsRefused() {
        var outputs = List.of(Tensor.fp32("vehicles", new long[] {3, 1}, 1, 2, 3));

        assertThatThrownBy(() -> ChunkRows.split(outputs, List.of(1, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vehicles");
    }

    @Test
    void aLinesComputeIsItsShareOfTheChunksByRows() {
        var chunk = new Compute("cpu()", 12.0, 4, 64, 1.5);

        var share = ChunkRows.share(chunk, 1);

        assertThat(share.rows()).isEqualTo(1);
        assertThat(share.millis()).isEqualTo(3.0);
        assertThat(share.device()).isEqualTo("cpu()");
        assertThat(share.batchRows()).isEqualTo(64);
        assertThat(share.queueMillis()).isEqualTo(1.5);
    }
}
