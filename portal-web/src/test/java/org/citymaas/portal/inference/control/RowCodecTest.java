package org.citymaas.portal.inference.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    @Test
    void aRowBecomesOneTensorPerFieldWithNumbersAsNumbers() {
        var request = V2Codec.read(RowCodec.body(List.of(
                new RowCodec.Cell("counts", DataType.FP32, 3, " 1，2.5; 3 "),
                new RowCodec.Cell("hour", DataType.INT64, 1, "8"),
                new RowCodec.Cell("text", DataType.BYTES, 1, "路口 拥堵"))));

        assertThat(request.inputs().get(0).shape()).containsExactly(1, 3);
        assertThat(request.inputs().get(0).floats()).containsExactly(1f, 2.5f, 3f);
        assertThat(request.inputs().get(1).longs()).containsExactly(8L);
        assertThat(request.inputs().get(2).strings()).containsExactly("路口 拥堵");
    }

    @Test
    void aFieldOfOneElementPerRowIsSentWithItsOwnShape() {
        var text = new FieldSpec(
                "text", DataType.BYTES, List.of(-1L), null, null, null, null, Sensitivity.MASK, "", List.of());
        var hour = new FieldSpec(
                "hour", DataType.INT64, List.of(-1L, 1L), null, null, null, null, Sensitivity.NONE, "", List.of());

        var request =
                V2Codec.read(RowCodec.body(List.of(RowCodec.Cell.of(text, "路口 拥堵"), RowCodec.Cell.of(hour, "8"))));

        assertThat(request.inputs().get(0).shape()).containsExactly(1);
        assertThat(request.inputs().get(0).strings()).containsExactly("路口 拥堵");
        assertThat(request.inputs().get(1).shape()).containsExactly(1, 1);
    }

    @Test
    void whatIsNotANumberIsSentAsTypedForTheGatewayToRefuse() {
        var body = RowCodec.body(List.of(new RowCodec.Cell("hour", DataType.INT64, 1, "eight")));

        assertThat(body).contains("\"data\":[\"eight\"]");
    }

    @Test
    void aClassifierOutputIsRankedByProbability() {
        var outputs = RowCodec.outputs("{\"outputs\":[{\"name\":\"y\",\"data\":[812.5]},"
                + "{\"name\":\"c\",\"data\":[0.2,0.7,0.1],\"parameters\":{\"labels\":[\"a\",\"b\",\"c\"]}}]}");

        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0).classified()).isFalse();
        assertThat(outputs.get(0).values()).containsExactly(812.5);
        assertThat(outputs.get(1).classified()).isTrue();
        assertThat(outputs.get(1).ranking()).containsExactly(1, 0, 2);
        assertThat(outputs.get(1).topLabel()).isEqualTo("b");
        assertThat(outputs.get(1).topScore()).isEqualTo(0.7);
    }
}
