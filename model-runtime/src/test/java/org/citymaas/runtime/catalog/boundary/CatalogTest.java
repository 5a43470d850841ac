package org.citymaas.runtime.catalog.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    static final Path SHIPPED = Path.of("src/main/resources/catalog");

    @Test
    void shipsFiveModelsOfFiveDepartmentsWithADefaultVersion() {
        var catalog = Catalog.fromDirectory(SHIPPED);
        assertThat(catalog.modelNames())
                .containsExactlyInAnyOrder(
                        "traffic-flow-forecast",
                        "education-score-predict",
                        "air-quality-forecast",
                        "complaint-routing",
                        "health-risk");
        assertThat(catalog.all().stream().map(v -> v.card().department()))
                .containsExactlyInAnyOrder("transport", "education", "environment", "hotline", "health");
        for (String name : catalog.modelNames()) {
            assertThat(catalog.resolve(ModelRef.of(name)).defaultVersion()).isTrue();
        }
    }

    @Test
    void everyShippedCardBeatsItsBaselineWithASmallSavedModel() {
        for (ModelVersion v : Catalog.fromDirectory(SHIPPED).all()) {
            ModelCard card = v.card();
            assertThat(card.metrics()).as(card.name()).isNotEmpty();
            assertThat(card.metrics()).as(card.name()).allMatch(m -> m.beatsBaseline(0.05), "beats its baseline by 5%");
            assertThat(card.metrics().stream().mapToInt(Metric::rows)).allMatch(rows -> rows >= 1000);
            assertThat(card.trainingData().heldOutRows()).isGreaterThan(0);
            assertThat(card.intendedUse()).isNotBlank();
            assertThat(card.limitations()).isNotEmpty();
            assertThat(card.riskLevel()).isNotNull();
            assertThat(v.savedModel().resolve("saved_model.pb")).exists();
            assertThat(v.sizeBytes()).isBetween(1L, 5L * 1024 * 1024);
            for (FieldSpec f : card.inputs()) {
                assertThat(f.description()).as(card.name() + "." + f.name()).isNotBlank();
            }
        }
    }

    @Test
    void marksTheSensitiveFields() {
        var catalog = Catalog.fromDirectory(SHIPPED);
        FieldSpec studentId = catalog.resolve(ModelRef.of("education-score-predict"))
                .card()
                .input("student_id")
                .orElseThrow();
        assertThat(studentId.sensitivity()).isEqualTo(Sensitivity.DROP);
        FieldSpec text = catalog.resolve(ModelRef.of("complaint-routing"))
                .card()
                .input("text")
                .orElseThrow();
        assertThat(text.sensitivity()).isEqualTo(Sensitivity.MASK);
        assertThat(text.datatype()).isEqualTo(DataType.BYTES);
    }

    @Test
    void keepsVersionsSideBySideAndAnswersTheMarkedDefault(@TempDir Path root) throws IOException {
        Path model = root.resolve("health-risk");
        ModelCard v1 = ModelCardCodec.read(SHIPPED.resolve("health-risk/1/model-card.json"));
        ModelCard v2 = new ModelCard(
                v1.name(),
                "2",
                v1.department(),
                v1.task(),
                v1.title(),
                v1.intendedUse(),
                v1.limitations(),
                v1.inputs(),
                v1.outputs(),
                v1.metrics(),
                v1.trainingData(),
                v1.riskLevel(),
                v1.textFeatures(),
                null);
        ModelCardCodec.write(v1, model.resolve("1").resolve(ModelCardCodec.CARD_FILE));
        ModelCardCodec.write(v2, model.resolve("2").resolve(ModelCardCodec.CARD_FILE));

        assertThat(Catalog.fromDirectory(root)
                        .resolve(ModelRef.of("health-risk"))
                        .card()
                        .version())
                .as("highest version without a marker")
                .isEqualTo("2");

        ModelCardCodec.writeDefaultVersion(model, "1");
        var catalog = Catalog.fromDirectory(root);
        assertThat(catalog.versions("health-risk")).hasSize(2);
        assertThat(catalog.resolve(ModelRef.of("health-risk")).card().version()).isEqualTo("1");
        assertThat(catalog.resolve(ModelRef.of("health-risk", "2")).defaultVersion())
                .isFalse();
        assertThatThrownBy(() -> catalog.resolve(ModelRef.of("health-risk", "3")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no version 3");
        assertThatThrownBy(() -> catalog.resolve(ModelRef.of("parking-prices")))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("parking-prices");
    }

    @Test
    void unpacksTheCatalogFromTheClasspathOnceAndReusesIt(@TempDir Path cache) throws IOException {
        var catalog = Catalog.fromClasspath(cache);
        assertThat(catalog.modelNames()).hasSize(5);
        assertThat(catalog.resolve(ModelRef.of("complaint-routing"))
                        .savedModel()
                        .resolve("saved_model.pb"))
                .exists();
        assertThat(Catalog.fromClasspath(cache).root()).isEqualTo(catalog.root());
        try (var dirs = Files.list(cache)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("catalog-"))
                            .toList())
                    .hasSize(1);
        }
        assertThat(List.of(catalog.root().toFile().list())).contains("traffic-flow-forecast", ".complete");
    }
}
