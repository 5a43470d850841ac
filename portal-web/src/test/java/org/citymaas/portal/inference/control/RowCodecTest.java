package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    @Test
    void aRowBecomesOneTensorPerFieldWithNumbersAsNumbers() {
        var request = RowCodec.tensors(List.of(
                new RowCodec.Cell("counts", DataType.FP32, 3, " 1，2.5; 3 "),
                new RowCodec.Cell("hour", DataType.INT64, 1, "8"),
                new RowCodec.Cell("text", DataType.BYTES, 1, "路口 拥堵")));

        assertThat(request.inputs().get(0).shape()).containsExactly(1, 3);
        assertThat(request.inputs().get(0).floats()).containsExactly(1f, 2.5f, 3f);
        assertThat(request.inputs().get(1).longs()).containsExactly(8L);
        assertThat(request.inputs().get(2).strings()).containsExactly("路口 拥堵");
    }

    @Test
    void aFieldOfOneElementPerRowIsSentWithItsOwnShape() {
        var text = new FieldSpec(
                "text", DataType.BYTES, List.of(-1L), null, null, null, null, Sensitivity.MASK, "", List.of());
        var hour = new FieldSpec(
                "hour", DataType.INT64, List.of(-1L, 1L), null, null, null, null, Sensitivity.NONE, "", List.of());

        var request = RowCodec.tensors(List.of(RowCodec.Cell.of(text, "路口 拥堵"), RowCodec.Cell.of(hour, "8")));

        assertThat(request.inputs().get(0).shape()).containsExactly(1);
        assertThat(request.inputs().get(0).strings()).containsExactly("路口 拥堵");
        assertThat(request.inputs().get(1).shape()).containsExactly(1, 1);
    }

    @Test
    void whatIsNotANumberIsRefusedNamingTheFieldAsTheApiWould() {
        var e = catchThrowableOfType(
                InvalidInputException.class,
                () -> RowCodec.tensors(List.of(new RowCodec.Cell("hour", DataType.INT64, 1, "eight"))));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("hour");
            assertThat(v.rule()).isEqualTo("datatype");
            assertThat(v.message()).isEqualTo("'data' of INT64: element 0 is not an integer");
        });
    }

    @Test
    void everyCellThatIsNoValueOfItsFieldIsNamedWithTheApisRuleAndWords() {
        var e = catchThrowableOfType(
                InvalidInputException.class,
                () -> RowCodec.tensors(List.of(
                        new RowCodec.Cell("counts", DataType.FP32, 3, "1 2"),
                        new RowCodec.Cell("hour", DataType.INT64, 1, "7.5"),
                        new RowCodec.Cell("day", DataType.INT64, 1, "2.0"),
                        new RowCodec.Cell("rain", DataType.FP32, 1, "much"),
                        new RowCodec.Cell("note", DataType.BYTES, 1, "a\u202eb"))));

        assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.rule() + ":" + v.message())
                .containsExactly(
                        "counts:shape:'data' holds 2 elements but 'shape' [1, 3] needs 3",
                        "hour:datatype:'data' of INT64: element 0 is not an integer",
                        "rain:datatype:'data' of FP32: element 0 is not a number",
                        "note:bidi-control:element 0 must not contain bidirectional override or isolate characters"
                                + " (U+202E at position 2)");
    }

    @Test
    void outputsReadAsTheirShortestDecimalsWithTheirLabels() {
        var card = new ModelCard(
                "m",
                "1",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new FieldSpec(
                        "c", DataType.FP32, List.of(-1L, 2L), null, null, null, null, null, "", List.of("a", "b"))),
                null,
                null,
                null,
                null,
                null);
        var outcome = new InferenceOutcome(
                "r-1",
                ModelRef.of("m", "1"),
                card,
                List.of(Tensor.fp32("c", new long[] {1, 2}, 0.3f, 0.7f), Tensor.int64("n", new long[] {1, 1}, 4L)),
                new Compute("cpu()", 0.1, 1, 1, 0),
                false);

        var outputs = RowCodec.outputs(outcome);

        assertThat(outputs.get(0).values()).containsExactly(0.3, 0.7);
        assertThat(outputs.get(0).topLabel()).isEqualTo("b");
        assertThat(outputs.get(1).values()).containsExactly(4.0);
        assertThat(outputs.get(1).labels()).isEmpty();
    }
}
