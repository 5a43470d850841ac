package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.inference.entity.ExplanationOutcome;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.runtime.catalog.entity.ExplanationSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.Explanation;
import org.citymaas.runtime.explain.entity.RowExplanation;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.Test;

public class ExplanationCodecTest {

    public static ExplanationOutcome outcome() {
        var model = ModelRef.of("health-risk", "1");
        var card = new ModelCard(
                "health-risk", "1", null, null, null, null, null, null, null, null, null, null, null, null);
        var answer = new InferenceOutcome(
                "req-1",
                model,
                card,
                List.of(Tensor.fp32("diabetes_risk", new long[] {2, 1}, new float[] {0.75f, 0.25f})),
                new Compute("cpu()", 1.5, 2, 2, 0),
                false);
        var explanation = new Explanation(
                model,
                ExplanationSpec.EXACT_SHAPLEY,
                "diabetes_risk",
                null,
                List.of(
                        new RowExplanation(
                                0.75, 0.35, List.of(new Attribution("glucose", 0.5), new Attribution("bmi", -0.1))),
                        new RowExplanation(
                                0.25, 0.35, List.of(new Attribution("glucose", -0.2), new Attribution("bmi", 0.1)))),
                8);
        var spec = new ExplanationSpec(
                ExplanationSpec.EXACT_SHAPLEY,
                "diabetes_risk",
                "the probability of the positive class",
                "the training data's mean of each input",
                Map.of("glucose", new double[] {113.9}, "bmi", new double[] {27.2}),
                1e-4);
        return new ExplanationOutcome(answer, explanation, spec);
    }

    @Test
    void theAnswerIsTheV2ResponseWithTheExplanationOfEachRowInInputOrder() throws Exception {
        var json = new ObjectMapper().readTree(ExplanationCodec.response(outcome()));

        assertThat(json.get("model_name").asText()).isEqualTo("health-risk");
        assertThat(json.get("id").asText()).isEqualTo("req-1");
        assertThat(json.at("/outputs/0/name").asText()).isEqualTo("diabetes_risk");
        assertThat(json.at("/outputs/0/data/1").asDouble()).isEqualTo(0.25);
        var explanation = json.get("explanation");
        assertThat(explanation.get("method").asText()).isEqualTo("exact-shapley");
        assertThat(explanation.get("output").asText()).isEqualTo("diabetes_risk");
        assertThat(explanation.get("output_label").isNull()).isTrue();
        assertThat(explanation.get("baseline_description").asText()).contains("mean");
        assertThat(explanation.get("tolerance").asDouble()).isEqualTo(1e-4);
        assertThat(explanation.get("rows_run").asLong()).isEqualTo(8);
        assertThat(explanation.get("rows")).hasSize(2);
        assertThat(explanation.at("/rows/0/prediction").asDouble()).isEqualTo(0.75);
        assertThat(explanation.at("/rows/0/baseline").asDouble()).isEqualTo(0.35);
        assertThat(explanation.at("/rows/0/attributions/0/feature").asText()).isEqualTo("glucose");
        assertThat(explanation.at("/rows/0/attributions/1/value").asDouble()).isEqualTo(-0.1);
        assertThat(explanation.at("/rows/1/attributions/0/value").asDouble()).isEqualTo(-0.2);
    }
}
