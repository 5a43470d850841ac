package org.citymaas.runtime.inference.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

/** Validation once, before the queue: on an engine that answers zeros, without TensorFlow. */
class ValidatedRequestTest {

    private static final Catalog CATALOG = Catalog.fromDirectory(Path.of("src/main/resources/catalog"));
    private static final ShareKey HOTLINE = ShareKey.of("hotline");
    private static final ModelRef COMPLAINTS = ModelRef.of("complaint-routing");

    /** Answers every output of the card with zeros, one row per input row. */
    private static final class ZerosEngine implements InferenceEngine {
        @Override
        public String device() {
            return "cpu()";
        }

        @Override
        public LoadedModel load(ModelVersion version) {
            return new LoadedModel() {
                @Override
                public BatchRunner newRunner() {
                    return new BatchRunner() {
                        @Override
                        public List<Tensor> run(List<Tensor> inputs) {
                            var rows = inputs.get(0).rows();
                            return version.card().outputs().stream()
                                    .map(f -> Tensor.fp32(
                                            f.name(), new long[] {rows, f.rowWidth()}, new float[rows * f.rowWidth()]))
                                    .toList();
                        }

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public void close() {}
            };
        }
    }

    private static ModelRuntime runtime() {
        return new ModelRuntime(CATALOG, RuntimeConfig.defaults().withWorkers(1), new ZerosEngine());
    }

    private static InferenceRequest complaint(String... texts) {
        return InferenceRequest.of(
                HOTLINE, COMPLAINTS, List.of(Tensor.bytes("text", new long[] {texts.length}, texts)));
    }

    @Test
    void aRequestThatBreaksTheSignatureIsRefusedNamingTheField() {
        try (var runtime = runtime()) {
            var e = catchThrowableOfType(
                    InvalidInputException.class,
                    () -> runtime.validate(InferenceRequest.of(
                            HOTLINE, COMPLAINTS, List.of(Tensor.fp32("text", new long[] {1, 1}, 1f)))));

            assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.rule())
                    .containsExactly("text:datatype");
        }
    }

    @Test
    void aValidatedRequestNamesTheVersionThatAnswersIt() {
        try (var runtime = runtime()) {
            var validated = runtime.validate(complaint("路灯不亮", "楼上漏水"));

            assertThat(validated.version().ref()).isEqualTo(ModelRef.of("complaint-routing", "1"));
            assertThat(validated.rows()).isEqualTo(2);
        }
    }

    @Test
    void itRunsWithOtherTextWithoutBeingCheckedAgain() throws Exception {
        try (var runtime = runtime()) {
            var validated = runtime.validate(complaint("张伟反映路灯不亮"));
            // blank text would be refused ("required"): the runtime takes the caller's text as validated
            var masked = validated.withText(List.of(Tensor.bytes("text", new long[] {1}, " ")));

            var result = runtime.submit(masked).get(30, TimeUnit.SECONDS);

            assertThat(masked.request().inputs().get(0).strings()).containsExactly(" ");
            assertThat(result.model()).isEqualTo(ModelRef.of("complaint-routing", "1"));
            assertThat(result.output("department_probs").shape()).containsExactly(1, 8);
        }
    }

    @Test
    void otherTextMustKeepTheValidatedNamesShapesAndNumbers() {
        try (var runtime = runtime()) {
            var validated = runtime.validate(complaint("路灯不亮"));

            assertThatThrownBy(() -> validated.withText(List.of(Tensor.bytes("text", new long[] {2}, "a", "b"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> validated.withText(List.of(Tensor.bytes("other", new long[] {1}, "a"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> validated.withText(List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
