package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class V2CodecTest {

    @Test
    void readsNamedTensorsWithNestedOrFlatData() {
        var request = V2Codec.read("""
                {"id": "r-1", "inputs": [
                  {"name": "counts", "datatype": "FP32", "shape": [2, 2], "data": [[1, 2.5], [3, 4]]},
                  {"name": "hour", "datatype": "INT64", "shape": [2, 1], "data": [7, 8]},
                  {"name": "text", "datatype": "BYTES", "shape": [2], "data": ["a", "b"]}],
                 "outputs": [{"name": "y"}]}
                """);

        assertThat(request.id()).contains("r-1");
        assertThat(request.rows()).isEqualTo(2);
        assertThat(request.outputs()).containsExactly("y");
        var counts = request.inputs().get(0);
        assertThat(counts.datatype()).isEqualTo(DataType.FP32);
        assertThat(counts.shape()).containsExactly(2, 2);
        assertThat(counts.floats()).containsExactly(1f, 2.5f, 3f, 4f);
        assertThat(request.inputs().get(1).longs()).containsExactly(7L, 8L);
        assertThat(request.inputs().get(2).strings()).containsExactly("a", "b");
    }

    @Test
    void malformedJsonNamesTheBody() {
        var e = catchThrowableOfType(InvalidInputException.class, () -> V2Codec.read("{\"inputs\": ["));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.rule()).isEqualTo("json");
        });
    }

    @Test
    void dataThatDoesNotFitTheShapeNamesTheTensor() {
        var e = catchThrowableOfType(
                InvalidInputException.class,
                () -> V2Codec.read("{\"inputs\": [{\"name\": \"hour\", \"datatype\": \"INT64\", \"shape\": [1, 2],"
                        + " \"data\": [1]}]}"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("hour");
            assertThat(v.rule()).isEqualTo("shape");
        });
    }

    @Test
    void elementsOfTheWrongTypeAreADatatypeViolation() {
        var e = catchThrowableOfType(
                InvalidInputException.class,
                () -> V2Codec.read("{\"inputs\": [{\"name\": \"hour\", \"datatype\": \"INT64\", \"shape\": [1, 1],"
                        + " \"data\": [\"seven\"]}, {\"name\": \"x\", \"datatype\": \"FP64\", \"shape\": [1],"
                        + " \"data\": [1]}]}"));

        assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.rule())
                .containsExactly("hour:datatype", "x:datatype");
    }

    @Test
    void missingInputsAndUnnamedTensorsAreNamed() {
        var none = catchThrowableOfType(InvalidInputException.class, () -> V2Codec.read("{\"id\": \"x\"}"));
        var unnamed = catchThrowableOfType(
                InvalidInputException.class,
                () -> V2Codec.read("{\"inputs\": [{\"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}]}"));

        assertThat(none.violations()).extracting(v -> v.field()).containsExactly("inputs");
        assertThat(unnamed.violations()).extracting(v -> v.field()).containsExactly("inputs[0].name");
    }

    @Test
    void writesTheResponseWithOnlyTheOutputsAskedFor() throws Exception {
        var result = new InferenceResult(
                ModelRef.of("m", "3"),
                List.of(Tensor.fp32("a", new long[] {1, 2}, 0.25f, 0.75f), Tensor.int64("b", new long[] {1, 1}, 4L)),
                new Compute("cpu()", 0.1, 1, 1, 0));

        var all = new ObjectMapper().readTree(V2Codec.response(outcome(result, "r-9", List.of())));
        var onlyB = new ObjectMapper().readTree(V2Codec.response(outcome(result, "r-9", List.of("b"))));

        assertThat(all.get("model_name").asText()).isEqualTo("m");
        assertThat(all.get("model_version").asText()).isEqualTo("3");
        assertThat(all.get("id").asText()).isEqualTo("r-9");
        assertThat(all.at("/outputs/0/name").asText()).isEqualTo("a");
        assertThat(all.at("/outputs/0/datatype").asText()).isEqualTo("FP32");
        assertThat(all.at("/outputs/0/shape").toString()).isEqualTo("[1,2]");
        assertThat(all.at("/outputs/0/data").toString()).isEqualTo("[0.25,0.75]");
        assertThat(onlyB.get("outputs")).hasSize(1);
        assertThat(onlyB.at("/outputs/0/data/0").asLong()).isEqualTo(4L);
    }

    /** The outcome of a request that asked for these outputs (none: all). */
    private static InferenceOutcome outcome(InferenceResult result, String requestId, List<String> wanted) {
        var card = new ModelCard(
                result.model().name(),
                result.model().version(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var request = new TensorRequest(Optional.empty(), List.of(), wanted);
        return new InferenceOutcome(
                requestId, result.model(), card, request.wanted(result.outputs()), result.compute(), false);
    }
}
