package org.citymaas.runtime.inference.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

class InputValidatorTest {

    private static final Path CATALOG = Path.of("src/main/resources/catalog");
    private final ModelCard traffic = ModelCardCodec.read(CATALOG.resolve("traffic-flow-forecast/1/model-card.json"));
    private final ModelCard education =
            ModelCardCodec.read(CATALOG.resolve("education-score-predict/1/model-card.json"));
    private final ModelCard complaints = ModelCardCodec.read(CATALOG.resolve("complaint-routing/1/model-card.json"));

    static List<Tensor> trafficRows(int rows, long hour) {
        float[] counts = new float[rows * 24];
        java.util.Arrays.fill(counts, 420f);
        long[] hours = new long[rows];
        java.util.Arrays.fill(hours, hour);
        return new ArrayList<>(List.of(
                Tensor.fp32("recent_counts", new long[] {rows, 24}, counts),
                Tensor.int64("hour_of_day", new long[] {rows, 1}, hours),
                Tensor.int64("day_of_week", new long[] {rows, 1}, new long[rows]),
                Tensor.int64("is_holiday", new long[] {rows, 1}, new long[rows]),
                Tensor.fp32("precipitation_mm", new long[] {rows, 1}, new float[rows])));
    }

    @Test
    void acceptsValidInputs() {
        assertThat(InputValidator.validate(traffic, trafficRows(3, 8))).isEmpty();
    }

    @Test
    void namesTheFieldAndTheRuleOfEveryViolation() {
        var inputs = trafficRows(2, 25);
        inputs.removeIf(t -> t.name().equals("precipitation_mm"));
        inputs.set(0, Tensor.fp32("recent_counts", new long[] {2, 12}, new float[24]));
        inputs.add(Tensor.fp32("speed_kmh", new long[] {2, 1}, 30f, 40f));

        List<FieldViolation> violations = InputValidator.validate(traffic, inputs);

        assertThat(violations)
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("speed_kmh", "unknown"),
                        tuple("recent_counts", "shape"),
                        tuple("hour_of_day", "maximum"),
                        tuple("precipitation_mm", "required"));
        assertThat(violations)
                .filteredOn(v -> v.field().equals("hour_of_day"))
                .singleElement()
                .extracting(FieldViolation::message)
                .asString()
                .contains("25", "23");
    }

    @Test
    void rejectsWrongTypesNegativeCountsAndNotANumber() {
        var inputs = trafficRows(1, 8);
        inputs.set(1, Tensor.fp32("hour_of_day", new long[] {1, 1}, 8f));
        float[] counts = new float[24];
        counts[3] = -5;
        inputs.set(0, Tensor.fp32("recent_counts", new long[] {1, 24}, counts));
        inputs.set(4, Tensor.fp32("precipitation_mm", new long[] {1, 1}, Float.NaN));

        assertThat(InputValidator.validate(traffic, inputs))
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("hour_of_day", "datatype"),
                        tuple("recent_counts", "minimum"),
                        tuple("precipitation_mm", "finite"));
    }

    @Test
    void requiresTheSameRowCountForEveryInput() {
        var inputs = trafficRows(2, 8);
        inputs.set(4, Tensor.fp32("precipitation_mm", new long[] {3, 1}, new float[3]));
        assertThat(InputValidator.validate(traffic, inputs))
                .extracting(FieldViolation::rule)
                .containsExactly("batch");
    }

    @Test
    void acceptsTheDroppedStudentIdOrItsAbsenceButNeverPassesItToTheModel() {
        var inputs = new ArrayList<>(List.of(
                Tensor.fp32("attendance_rate", new long[] {1, 1}, 0.9f),
                Tensor.fp32("homework_completion", new long[] {1, 1}, 0.8f),
                Tensor.fp32("previous_term_score", new long[] {1, 1}, 75f),
                Tensor.fp32("midterm_score", new long[] {1, 1}, 78f),
                Tensor.fp32("weekly_study_hours", new long[] {1, 1}, 9f)));
        assertThat(InputValidator.validate(education, inputs)).isEmpty();
        inputs.add(Tensor.bytes("student_id", new long[] {1}, "S2025123456"));
        assertThat(InputValidator.validate(education, inputs)).isEmpty();

        assertThat(new ModelInputs(education).prepare(inputs))
                .extracting(Tensor::name)
                .doesNotContain("student_id")
                .hasSize(5);
    }

    @Test
    void limitsComplaintTextAndFeaturizesIt() {
        String longText = "噪".repeat(2001);
        assertThat(InputValidator.validate(complaints, List.of(Tensor.bytes("text", new long[] {1}, longText))))
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(tuple("text", "maxLength"));

        var prepared =
                new ModelInputs(complaints).prepare(List.of(Tensor.bytes("text", new long[] {2}, "停水了", "路口堵车")));
        assertThat(prepared).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("text_features");
            assertThat(t.shape()).containsExactly(2, 2048);
        });
    }

    @Test
    void featurizesABatchOfQueuedTextsAsEachTextAlone() {
        var inputs = new ModelInputs(complaints);
        var first = inputs.queued(List.of(Tensor.bytes("text", new long[] {1}, "停水了")));
        var second = inputs.queued(List.of(Tensor.bytes("text", new long[] {2}, "路口堵车", "楼上噪音到半夜")));
        assertThat(first).singleElement().extracting(Tensor::name).isEqualTo("text");

        List<Tensor> batch = inputs.stack(List.of(first, second));
        List<Tensor> again = inputs.stack(List.of(first, second));
        var alone = inputs.prepare(List.of(Tensor.bytes("text", new long[] {3}, "停水了", "路口堵车", "楼上噪音到半夜")));

        assertThat(batch).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("text_features");
            assertThat(t.shape()).containsExactly(3, 2048);
        });
        assertThat(batch.get(0).floats())
                .as("a reused batch array starts from zero")
                .isEqualTo(alone.get(0).floats());
        assertThat(again.get(0).floats()).isEqualTo(alone.get(0).floats());
    }

    @Test
    void validatesInputsInAnyOrderLikeInTheSchemasOrder() {
        var ordered = new ArrayList<Tensor>(List.of(
                Tensor.bytes("student_id", new long[] {1}, "S2025123456"),
                Tensor.fp32("attendance_rate", new long[] {1, 1}, 1.5f),
                Tensor.int64("homework_completion", new long[] {1, 1}, 1),
                Tensor.fp32("previous_term_score", new long[] {1, 1}, 75f),
                Tensor.fp32("midterm_score", new long[] {1, 1}, Float.NaN),
                Tensor.fp32("weekly_study_hours", new long[] {1, 1}, 9f)));
        var reversed = new ArrayList<>(ordered);
        java.util.Collections.reverse(reversed);
        var violations = InputValidator.validate(education, ordered);
        assertThat(violations)
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactlyInAnyOrder(
                        tuple("attendance_rate", "maximum"),
                        tuple("homework_completion", "datatype"),
                        tuple("midterm_score", "finite"));
        assertThat(InputValidator.validate(education, reversed)).containsExactlyInAnyOrderElementsOf(violations);
    }
}
