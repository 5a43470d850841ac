package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.citymaas.portal.batch.entity.BatchLine;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static List<BatchLine> lines(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> BatchLine.pending(i + 2, Map.of("x", String.valueOf(i))))
                .toList();
    }

    private static List<Integer> numbers(List<BatchLine> chunk) {
        return chunk.stream().map(BatchLine::line).toList();
    }

    @Test
    void linesGoInChunksOfTheSizeInTheFilesOrderTheLastHoldingTheRest() {
        var chunks = ChunkPlan.chunks(lines(10), 4);

        assertThat(chunks).hasSize(3);
        assertThat(numbers(chunks.get(0))).containsExactly(2, 3, 4, 5);
        assertThat(numbers(chunks.get(1))).containsExactly(6, 7, 8, 9);
        assertThat(numbers(chunks.get(2))).containsExactly(10, 11);
    }

    @Test
    void everyLineIsInExactlyOneChunkWhateverTheSize() {
        for (int size : new int[] {1, 3, 64, 128, 1024}) {
            for (int n : new int[] {0, 1, 127, 128, 129, 1000}) {
                var chunks = ChunkPlan.chunks(lines(n), size);
                assertThat(chunks.stream().flatMap(c -> numbers(c).stream()).toList())
                        .as("size %d, %d lines", size, n)
                        .isEqualTo(IntStream.range(2, n + 2).boxed().toList());
                assertThat(chunks).allSatisfy(c -> assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(size));
                assertThat(chunks).hasSize((n + size - 1) / size);
            }
        }
    }

    @Test
    void aSizeOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> ChunkPlan.chunks(lines(3), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChunkPlan.chunks(lines(3), ChunkPlan.MAX_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
