package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class RequestDigestTest {

    private static final String MODEL = "traffic-flow-forecast";

    private static Tensor hour(long value) {
        return Tensor.int64("hour_of_day", new long[] {1, 1}, value);
    }

    private static Tensor rain(float value) {
        return Tensor.fp32("precipitation_mm", new long[] {1, 1}, value);
    }

    private static String digest(String version, List<String> outputs, Tensor... inputs) {
        return RequestDigest.of(MODEL, version, outputs, List.of(inputs));
    }

    @Test
    void theSameRequestHasTheSameDigestWhateverTheOrderOfInputsAndOutputs() {
        var first = digest(null, List.of("a", "b"), hour(8), rain(0.5f));
        var again = digest(null, List.of("b", "a"), rain(0.5f), hour(8));

        assertThat(again).isEqualTo(first).matches("[0-9a-f]{64}");
    }

    @Test
    void anyOtherValueGivesAnotherDigest() {
        var request = digest(null, List.of(), hour(8), rain(0.5f));

        assertThat(digest(null, List.of(), hour(9), rain(0.5f))).isNotEqualTo(request);
        assertThat(digest(null, List.of(), hour(8), rain(0.6f))).isNotEqualTo(request);
        assertThat(digest(null, List.of(), hour(8))).as("an input fewer").isNotEqualTo(request);
        assertThat(digest("1", List.of(), hour(8), rain(0.5f)))
                .as("a version asked for")
                .isNotEqualTo(request);
        assertThat(digest(null, List.of("vehicles_next_hour"), hour(8), rain(0.5f)))
                .as("an output asked for")
                .isNotEqualTo(request);
        assertThat(RequestDigest.of("air-quality-forecast", null, List.of(), List.of(hour(8), rain(0.5f))))
                .as("another model")
                .isNotEqualTo(request);
    }

    @Test
    void moreRowsGiveAnotherDigest() {
        var one = Tensor.int64("hour_of_day", new long[] {1, 1}, 8L);
        var two = Tensor.int64("hour_of_day", new long[] {2, 1}, 8L, 8L);

        assertThat(digest(null, List.of(), two)).isNotEqualTo(digest(null, List.of(), one));
    }

    @Test
    void theShapeCountsNotOnlyTheValues() {
        var row = Tensor.int64("hour_of_day", new long[] {1, 2}, 8L, 9L);
        var column = Tensor.int64("hour_of_day", new long[] {2, 1}, 8L, 9L);

        assertThat(digest(null, List.of(), row)).isNotEqualTo(digest(null, List.of(), column));
    }

    @Test
    void textsDoNotRunTogether() {
        var split = Tensor.bytes("text", new long[] {2}, "ab", "c");
        var moved = Tensor.bytes("text", new long[] {2}, "a", "bc");

        assertThat(digest(null, List.of(), split)).isNotEqualTo(digest(null, List.of(), moved));
    }
}
