package org.citymaas.runtime.repository.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.repository.control.Cards;
import org.citymaas.runtime.repository.control.Zips;
import org.citymaas.runtime.repository.entity.UploadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {

    private static final String TRAFFIC = "traffic-flow-forecast";

    @TempDir
    Path dir;

    /** Answers zeros, or fails to load every version when {@code broken}. */
    private record FakeEngine(boolean broken) implements InferenceEngine {
        @Override
        public String device() {
            return "cpu()";
        }

        @Override
        public LoadedModel load(ModelVersion version) {
            if (broken) {
                throw new ModelRuntimeException("cannot load " + version.ref());
            }
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

    private ModelRepository open() {
        return ModelRepository.open(dir.resolve("models"), dir.resolve("seed-cache"));
    }

    private static ModelRuntime runtime(ModelRepository repository, boolean broken) {
        return new ModelRuntime(repository.catalog(), RuntimeConfig.defaults().withWorkers(1), new FakeEngine(broken));
    }

    private static byte[] savedModelZip() {
        return Zips.of("saved_model/saved_model.pb", new byte[] {8, 1, 18, 0});
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("models"))) {
            return files.map(p -> dir.resolve("models").relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void seedsTheShippedModelsOnceAndKeepsWhatAdminsChanged() throws IOException {
        var repository = open();
        assertThat(repository.catalog().modelNames()).hasSize(5).contains(TRAFFIC);
        assertThat(repository.shipped(ModelRef.of(TRAFFIC, "1"))).isTrue();
        assertThat(repository.shipped(ModelRef.of(TRAFFIC, "2"))).isFalse();
        assertThat(repository.catalog().resolve(ModelRef.of(TRAFFIC)).savedModel())
                .startsWith(dir.resolve("models"));

        ModelCardCodec.writeDefaultVersion(dir.resolve("models").resolve(TRAFFIC), "7");
        var before = files();
        var again = open();

        assertThat(files()).isEqualTo(before);
        assertThat(ModelCardCodec.readDefaultVersion(dir.resolve("models").resolve(TRAFFIC)))
                .isEqualTo("7");
        assertThat(again.catalog().all()).hasSize(5);
    }

    @Test
    void addsAnUploadedVersionThatRunsItsSampleInputs() {
        var repository = open();
        try (var runtime = runtime(repository, false)) {
            var stored = repository.add(
                    TRAFFIC,
                    new ByteArrayInputStream(savedModelZip()),
                    Cards.bytes(Cards.trafficCard("2")),
                    UploadLimits.defaults(),
                    runtime);

            assertThat(stored.card().version()).isEqualTo("2");
            assertThat(stored.archiveSha256()).hasSize(64);
            assertThat(repository.catalog().versions(TRAFFIC))
                    .extracting(v -> v.card().version())
                    .containsExactly("1", "2");
            assertThat(repository.catalog().resolve(ModelRef.of(TRAFFIC)).card().version())
                    .isEqualTo("1");
            assertThat(dir.resolve("models/traffic-flow-forecast/2/saved_model/saved_model.pb"))
                    .exists();
            assertThat(runtime.infer(org.citymaas.runtime.inference.entity.InferenceRequest.of(
                                    ModelRepository.CHECKS,
                                    ModelRef.of(TRAFFIC, "2"),
                                    org.citymaas.runtime.repository.control.CardCheck.check(
                                                    Cards.bytes(Cards.trafficCard("2")), TRAFFIC)
                                            .samples()))
                            .model()
                            .version())
                    .isEqualTo("2");
        }
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws IOException {
        var repository = open();
        var before = files();
        try (var runtime = runtime(repository, false)) {
            var traversal = catchThrowableOfType(
                    InvalidModelUploadException.class,
                    () -> repository.add(
                            TRAFFIC,
                            new ByteArrayInputStream(Zips.of("../../escape.pb", new byte[] {1})),
                            Cards.bytes(Cards.trafficCard("2")),
                            UploadLimits.defaults(),
                            runtime));
            assertThat(traversal.reason()).isEqualTo("path-traversal");

            var notSavedModel = catchThrowableOfType(
                    InvalidModelUploadException.class,
                    () -> repository.add(
                            TRAFFIC,
                            new ByteArrayInputStream(Zips.of("README.txt", "hello".getBytes())),
                            Cards.bytes(Cards.trafficCard("2")),
                            UploadLimits.defaults(),
                            runtime));
            assertThat(notSavedModel.reason()).isEqualTo("not-a-saved-model");

            var tooBig = catchThrowableOfType(
                    InvalidModelUploadException.class,
                    () -> repository.add(
                            TRAFFIC,
                            new ByteArrayInputStream(new byte[2048]),
                            Cards.bytes(Cards.trafficCard("2")),
                            new UploadLimits(1024, 1 << 20, 1 << 20, 10, 100),
                            runtime));
            assertThat(tooBig.reason()).isEqualTo("too-large");
        }
        try (var broken = runtime(repository, true)) {
            var failing = catchThrowableOfType(
                    InvalidModelUploadException.class,
                    () -> repository.add(
                            TRAFFIC,
                            new ByteArrayInputStream(savedModelZip()),
                            Cards.bytes(Cards.trafficCard("2")),
                            UploadLimits.defaults(),
                            broken));
            assertThat(failing.reason()).isEqualTo("samples-failed");
            assertThat(repository.catalog().versions(TRAFFIC)).hasSize(1);
        }
        assertThat(files()).isEqualTo(before);
        assertThat(dir.resolve("escape.pb")).doesNotExist();
    }

    @Test
    void anExistingVersionIsNeverReplaced() throws IOException {
        var repository = open();
        var before = files();
        try (var runtime = runtime(repository, false)) {
            assertThatThrownBy(() -> repository.add(
                            TRAFFIC,
                            new ByteArrayInputStream(savedModelZip()),
                            Cards.bytes(Cards.trafficCard("1")),
                            UploadLimits.defaults(),
                            runtime))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already has version 1");
        }
        assertThat(files()).isEqualTo(before);
    }
}
