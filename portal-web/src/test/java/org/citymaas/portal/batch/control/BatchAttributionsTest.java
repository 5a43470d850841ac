package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.junit.jupiter.api.Test;

class BatchAttributionsTest {

    private static ModelCard card(ExplanationSpec spec) {
        var card = new ModelCard("m", "1", null, null, null, null, null, null, null, null, null, null, null, null);
        return spec == null ? card : card.withExplanation(spec);
    }

    private static final ExplanationSpec SHAPLEY;

    static {
        var baseline = new LinkedHashMap<String, double[]>();
        baseline.put("glucose", new double[] {113.9});
        baseline.put("bmi", new double[] {27.2});
        SHAPLEY = new ExplanationSpec(ExplanationSpec.EXACT_SHAPLEY, "risk", "p", "mean", baseline, 1e-4);
    }

    @Test
    void aTabularModelGetsTheBaselineAndAColumnPerExplainedInputTheRouterOneCellOfTokens() {
        assertThat(BatchAttributions.columns(card(SHAPLEY)))
                .containsExactly("baseline", "glucose_attribution", "bmi_attribution");
        assertThat(BatchAttributions.columns(
                        card(new ExplanationSpec(ExplanationSpec.OCCLUSION, "d", "top", "empty", Map.of(), 0))))
                .containsExactly("baseline", "attributions");
        assertThat(BatchAttributions.columns(card(null))).isEmpty();
    }

    @Test
    void aLinesSharesAreKeptWithItsOutputsAndWrittenAfterThemInTheResults() {
        var outputs = new ArrayList<ReadableOutput>(
                List.of(new ReadableOutput("risk", List.of(0.75), List.of("0.75"), List.of())));
        outputs.addAll(BatchAttributions.outputs(
                ExplanationSpec.EXACT_SHAPLEY,
                new RowExplanation(
                        0.75, 0.35, List.of(new Attribution("glucose", 0.5), new Attribution("bmi", -0.1)))));
        var kept = LineOutputs.read(LineOutputs.json(outputs));
        var line = new BatchLine(1, Map.of("glucose", "148", "bmi", "33.6"), LineOutcome.DONE, kept, null, List.of());
        var routed = BatchAttributions.outputs(
                ExplanationSpec.OCCLUSION,
                new RowExplanation(0.9, 0.2, List.of(new Attribution("公", 0.13), new Attribution("*", -0.02)), "交通运输"));

        var csv = BatchResults.write(
                List.of("glucose", "bmi"),
                List.of(),
                BatchAttributions.columns(card(SHAPLEY)),
                List.of(line, BatchLine.pending(2, Map.of("glucose", "1", "bmi", "2"))));

        assertThat(csv.substring(1).split("\r\n"))
                .containsExactly(
                        "line,glucose,bmi,baseline,glucose_attribution,bmi_attribution,status,error",
                        "1,148,33.6,0.35,0.5,-0.1,OK,",
                        "2,,,,,,PENDING,");
        assertThat(BatchAttributions.cell(LineOutputs.read(LineOutputs.json(routed)), "attributions"))
                .isEqualTo("公:0.13 *:-0.02");
    }
}
