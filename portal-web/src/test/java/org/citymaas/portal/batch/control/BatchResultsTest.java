package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.junit.jupiter.api.Test;

class BatchResultsTest {

    private static final FieldSpec FORECAST = new FieldSpec(
            "vehicles",
            DataType.FP32,
            List.of(-1L, 1L),
            "vehicles/h",
            null,
            null,
            null,
            Sensitivity.NONE,
            "",
            List.of());
    private static final FieldSpec CATEGORY = new FieldSpec(
            "category",
            DataType.FP32,
            List.of(-1L, 3L),
            null,
            null,
            null,
            null,
            Sensitivity.NONE,
            "",
            List.of("交通", "噪音", "其他"));

    @Test
    void writesInputsOutputsStatusAndErrorPerLineInTheFilesOrderButNoInputOfAWaitingLine() {
        var answered = new BatchLine(
                2,
                Map.of("hour", "8", "note", "a, \"quoted\" note"),
                LineOutcome.DONE,
                LineOutputs.read(
                        "{\"outputs\":[{\"name\":\"vehicles\",\"data\":[1234.5677490234375]},"
                                + "{\"name\":\"category\",\"data\":[0.1,0.7,0.2],\"parameters\":{\"labels\":[\"交通\",\"噪音\",\"其他\"]}}]}"),
                null,
                List.of());
        var refused = new BatchLine(
                3,
                Map.of("hour", "30", "note", ""),
                LineOutcome.INVALID,
                null,
                "hour_of_day (maximum): at most 23",
                List.of(Map.of("field", "hour_of_day", "rule", "maximum", "message", "at most 23")));
        var pending = BatchLine.pending(5, Map.of("hour", "1", "note", "x"));

        var csv = BatchResults.write(
                List.of("hour", "note"), List.of(FORECAST, CATEGORY), List.of(answered, refused, pending));

        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).split("\r\n"))
                .containsExactly(
                        "line,hour,note,vehicles,category,category_score,status,error",
                        "2,8,\"a, \"\"quoted\"\" note\",1234.567749,噪音,0.7,OK,",
                        "3,30,,,,,400,hour_of_day (maximum): at most 23",
                        "5,,,,,,PENDING,");
    }

    @Test
    void numbersAreWrittenWithoutExponentOrFloatNoise() {
        assertThat(BatchResults.number(1.0E7)).isEqualTo("10000000");
        assertThat(BatchResults.number(0.30000001192092896)).isEqualTo("0.3");
        assertThat(BatchResults.number(-2.5)).isEqualTo("-2.5");
    }
}
