package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.errors.InvalidBatchException;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.junit.jupiter.api.Test;

class BatchCsvTest {

    static final List<FieldSpec> INPUTS = List.of(
            field("counts", DataType.FP32, 3, 0.0, 100.0, Sensitivity.NONE),
            field("hour", DataType.INT64, 1, 0.0, 23.0, Sensitivity.NONE),
            field("note", DataType.BYTES, 1, null, null, Sensitivity.NONE),
            field("citizen_id", DataType.BYTES, 1, null, null, Sensitivity.DROP));

    static FieldSpec field(String name, DataType type, long width, Double min, Double max, Sensitivity sensitivity) {
        return new FieldSpec(name, type, List.of(-1L, width), null, min, max, null, sensitivity, name, List.of());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidBatchException refusal(String text) {
        return catchThrowableOfType(InvalidBatchException.class, () -> BatchCsv.read(utf8(text), INPUTS, 3));
    }

    @Test
    void readsLinesWithTheirFileLineNumbersInOrder() {
        var file = BatchCsv.read(
                utf8("\uFEFFcounts,hour,note\r\n\"1,2,3\",8,路口拥堵\r\n\r\n4 5 6, 9 ,\"two\nlines\"\r\n7;8;9,10,x"),
                INPUTS,
                10);

        assertThat(file.columns()).containsExactly("counts", "hour", "note");
        assertThat(file.lines()).extracting(BatchLine::line).containsExactly(2, 4, 6);
        assertThat(file.lines().get(0).cells()).containsEntry("counts", "1,2,3").containsEntry("note", "路口拥堵");
        assertThat(file.lines().get(1).cells()).containsEntry("hour", "9").containsEntry("note", "two\nlines");
        assertThat(file.lines()).allMatch(line -> !line.done());
    }

    @Test
    void aDroppedFieldMayBeLeftOutOrGivenButIsNeverKept() {
        var file = BatchCsv.read(utf8("counts,citizen_id,hour,note\n1 2 3,110105199003074579,1,a\n"), INPUTS, 3);

        assertThat(file.columns()).containsExactly("counts", "hour", "note");
        assertThat(file.lines().get(0).cells()).doesNotContainKey("citizen_id").containsEntry("hour", "1");
    }

    @Test
    void unknownAndMissingColumnsAreRefusedNamingThem() {
        var refused = refusal("counts,hours,note\n1 2 3,1,a\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("hours").contains("hour'");
        assertThat(refused.errors())
                .extracting(e -> e.get("field") + ":" + e.get("rule"))
                .containsExactlyInAnyOrder("hours:unknown", "hour:required");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertThat(refusal("").errors().get(0)).containsEntry("rule", "empty");
        assertThat(refusal("\uFEFF  \n").errors().get(0)).containsEntry("rule", "empty");
        assertThat(refusal("counts,hour,note\n").getMessage()).contains("no data lines");
    }

    @Test
    void aLineWithTheWrongNumberOfValuesIsRefusedNamingTheLine() {
        var refused = refusal("counts,hour,note\n1 2 3,1,a\n1 2 3,1\n");

        assertThat(refused.errors().get(0)).containsEntry("field", "line 3").containsEntry("rule", "columns");
    }

    @Test
    void moreLinesThanAllowedAreRefused() {
        var refused = refusal("counts,hour,note\n1,1,a\n1,1,a\n1,1,a\n1,1,a\n");

        assertThat(refused.errors().get(0)).containsEntry("rule", "maxRows");
        assertThat(refused.getMessage()).contains("3");
    }

    @Test
    void malformedCsvAndOtherEncodingsAreRefused() {
        assertThat(refusal("counts,hour,note\n\"1 2 3,1,a\n").errors().get(0)).containsEntry("rule", "csv");
        assertThat(refusal("counts,counts,note\n1,1,a\n").errors().get(0)).containsEntry("rule", "csv");
        var gbk = catchThrowableOfType(
                InvalidBatchException.class,
                () -> BatchCsv.read(
                        "counts,hour,note\n1,1,路口\n".getBytes(java.nio.charset.Charset.forName("GBK")), INPUTS, 3));
        assertThat(gbk.errors().get(0)).containsEntry("rule", "encoding");
    }

    @Test
    void theTemplateIsAFileThatReadsBackWithValidExamples() {
        var template = BatchCsv.template(INPUTS);
        var file = BatchCsv.read(utf8(template), INPUTS, 1);

        assertThat(template.lines().findFirst()).contains("counts,hour,note");
        assertThat(file.lines()).hasSize(1);
        var example = file.lines().get(0);
        assertThat(example.cells().get("counts").split(" ")).hasSize(3);
        assertThat(Long.parseLong(example.cells().get("hour"))).isBetween(0L, 23L);
    }
}
