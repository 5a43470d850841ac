package org.citymaas.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainAnswerTest {

    @Test
    void readsTheRowsTheExplanationRanFromTheAnswer() {
        var body = "{\"model_name\":\"health-risk\",\"model_version\":\"1\",\"id\":\"r1\",\"outputs\":[{\"name\":"
                + "\"diabetes_risk\",\"datatype\":\"FP32\",\"shape\":[1,1],\"data\":[0.31]}],\"explanation\":{\"method\":"
                + "\"exact-shapley\",\"output\":\"diabetes_risk\",\"tolerance\":1.0E-4,\"rows_run\":256,\"rows\":[{"
                + "\"prediction\":0.31,\"baseline\":0.2,\"attributions\":[{\"feature\":\"rows_run\",\"value\":0.1}]}]}}";

        assertThat(ExplainAnswer.of(200, body)).isEqualTo(new ExplainAnswer(200, 256));
        assertThat(ExplainAnswer.rowsRun("{\"explanation\": {\"rows_run\" :  43}}"))
                .isEqualTo(43);
        assertThat(ExplainAnswer.rowsRun("{\"rows_run\":\n2048}")).isEqualTo(2048);
    }

    @Test
    void anAnswerThatDoesNotSayIsMinusOne() {
        assertThat(ExplainAnswer.of(429, "{\"rows_run\":32}").rowsRun())
                .as("a refusal ran nothing")
                .isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun("{\"outputs\":[]}")).isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun("{\"rows_run\":\"32\"}"))
                .as("no number")
                .isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun("{\"rows_run\":3.5}"))
                .as("no whole number")
                .isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun("{\"rows_run\":-4}")).isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun("")).isEqualTo(-1);
        assertThat(ExplainAnswer.rowsRun(null)).isEqualTo(-1);
    }
}
