package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.inference.boundary.InputMasking;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.masking.boundary.Masking;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineMaskingTest {

    private static final String COMPLAINT = "来电人张伟反映工地夜间施工噪音很大，电话13812345678，身份证号110105199003074579。";

    @TempDir
    static Path catalogDir;

    private static final InputMasking MASKING = new InputMasking(
            new Masking("test-only-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8), Set.of(), null));

    private static ModelCard card(String model) {
        return Catalog.fromClasspath(catalogDir).resolve(ModelRef.of(model)).card();
    }

    /** A finished line as the runner keeps it. */
    private static BatchLine kept(String department, String model, BatchLine finished) {
        var masked = MASKING.mask(new TenantId(department), card(model), LineMasking.tensors(finished));
        return LineMasking.masked(finished, masked.inputs());
    }

    @Test
    void anAnsweredComplaintIsKeptAsTheModelSawItWithItsAnswer() {
        var answer = List.<ReadableOutput>of();
        var finished = new BatchLine(2, Map.of("text", COMPLAINT), LineOutcome.DONE, answer, null, List.of());

        var kept = kept("hotline", "complaint-routing", finished);

        assertThat(kept.cell("text"))
                .hasValueSatisfying(text -> assertThat(text)
                        .contains("工地夜间施工噪音很大", "138****5678")
                        .doesNotContain("13812345678", "110105199003074579", "张伟"));
        assertThat(kept.line()).isEqualTo(2);
        assertThat(kept.outputs()).isEqualTo(answer);
    }

    @Test
    void aLineRefusedBeforeMaskingIsMaskedAllTheSameNumericCellsIncluded() {
        var finished = new BatchLine(
                3,
                Map.of("recent_counts", "300 310", "hour_of_day", "call 13812345678", "day_of_week", "2"),
                LineOutcome.INVALID,
                null,
                "hour_of_day (number): not a number",
                List.of(Map.of("field", "hour_of_day", "rule", "number", "message", "not a number")));

        var kept = kept("transport", "traffic-flow-forecast", finished);

        assertThat(kept.cells())
                .containsEntry("recent_counts", "300 310")
                .containsEntry("day_of_week", "2")
                .doesNotContainValue("call 13812345678");
        assertThat(kept.cell("hour_of_day"))
                .hasValueSatisfying(cell -> assertThat(cell).doesNotContain("13812345678"));
        assertThat(kept.outcome().status()).isEqualTo(400);
        assertThat(kept.errors()).isEqualTo(finished.errors());
    }

    @Test
    void aCellTheMaskingDidNotGiveBackIsKeptEmptyNeverRaw() {
        var answer = List.<ReadableOutput>of();
        var finished = new BatchLine(
                2, Map.of("text", COMPLAINT, "note", "13812345678"), LineOutcome.DONE, answer, null, List.of());

        var kept = LineMasking.masked(finished, List.of());
        var emptied = LineMasking.emptied(finished);

        assertThat(kept.cells()).containsOnly(Map.entry("text", ""), Map.entry("note", ""));
        assertThat(emptied.cells()).containsOnly(Map.entry("text", ""), Map.entry("note", ""));
        assertThat(emptied.outputs()).isEqualTo(answer);
    }
}
