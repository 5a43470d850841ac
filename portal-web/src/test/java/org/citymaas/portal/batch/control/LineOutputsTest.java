package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.junit.jupiter.api.Test;

class LineOutputsTest {

    @Test
    void aClassifierOutputIsRankedByProbability() {
        var outputs = LineOutputs.read("{\"outputs\":[{\"name\":\"y\",\"data\":[812.5]},"
                + "{\"name\":\"c\",\"data\":[0.2,0.7,0.1],\"parameters\":{\"labels\":[\"a\",\"b\",\"c\"]}}]}");

        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0).classified()).isFalse();
        assertThat(outputs.get(0).values()).containsExactly(812.5);
        assertThat(outputs.get(1).classified()).isTrue();
        assertThat(outputs.get(1).ranking()).containsExactly(1, 0, 2);
        assertThat(outputs.get(1).topLabel()).isEqualTo("b");
        assertThat(outputs.get(1).topScore()).isEqualTo(0.7);
    }

    @Test
    void keptOutputsReadBackAsTheyWere() {
        var outputs = List.of(
                new ReadableOutput("y", List.of(1234.5677), List.of("1234.5677"), List.of()),
                new ReadableOutput("c", List.of(0.2, 0.8), List.of("0.2", "0.8"), List.of("交通", "噪音")),
                new ReadableOutput("t", List.of(), List.of("路灯"), List.of()));

        var read = LineOutputs.read(LineOutputs.json(outputs));

        assertThat(read).isEqualTo(outputs);
    }
}
