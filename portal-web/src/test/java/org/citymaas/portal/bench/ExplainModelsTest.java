package org.citymaas.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainModelsTest {

    private static final List<String> EXPLAINABLE = List.of(
            "air-quality-forecast",
            "complaint-routing",
            "education-score-predict",
            "health-risk",
            "traffic-flow-forecast");

    @Test
    void allIsEveryExplainableModelNoneIsNoneAListIsItsModels() {
        assertThat(ExplainModels.select("all", EXPLAINABLE)).isEqualTo(EXPLAINABLE);
        assertThat(ExplainModels.select(" ALL ", EXPLAINABLE)).isEqualTo(EXPLAINABLE);
        assertThat(ExplainModels.select("", EXPLAINABLE)).isEqualTo(EXPLAINABLE);
        assertThat(ExplainModels.select(null, EXPLAINABLE)).isEqualTo(EXPLAINABLE);
        assertThat(ExplainModels.select("none", EXPLAINABLE)).isEmpty();
        assertThat(ExplainModels.select("health-risk, traffic-flow-forecast,health-risk,", EXPLAINABLE))
                .containsExactly("health-risk", "traffic-flow-forecast");
    }

    @Test
    void aModelThatCannotBeExplainedIsRefusedByName() {
        assertThatThrownBy(() -> ExplainModels.select("health-risk,speech-to-text", EXPLAINABLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speech-to-text")
                .hasMessageContaining("bench.explain.models");
    }

    @Test
    void eachModelGoesWithItsDemoDepartmentTheBenchsModelWithTheBenchsDepartment() {
        var departments = ExplainModels.departments(EXPLAINABLE, "", "traffic-flow-forecast", "transport");

        assertThat(departments)
                .containsExactly(
                        java.util.Map.entry("air-quality-forecast", "environment"),
                        java.util.Map.entry("complaint-routing", "hotline"),
                        java.util.Map.entry("education-score-predict", "education"),
                        java.util.Map.entry("health-risk", "health"),
                        java.util.Map.entry("traffic-flow-forecast", "transport"));
        assertThat(ExplainModels.departments(
                        List.of("health-risk", "traffic-flow-forecast"),
                        "health-risk:hospital-3, traffic-flow-forecast:elsewhere",
                        "traffic-flow-forecast",
                        "metro"))
                .containsEntry("health-risk", "hospital-3")
                .as("the bench's own model goes with bench.department")
                .containsEntry("traffic-flow-forecast", "metro");
    }

    @Test
    void anOverrideThatIsNoPairOrAModelWithoutADepartmentIsRefused() {
        assertThatThrownBy(() -> ExplainModels.departments(List.of("health-risk"), "health-risk", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<model>:<department>");
        assertThatThrownBy(() -> ExplainModels.departments(List.of("noise-map"), "", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise-map");
    }
}
