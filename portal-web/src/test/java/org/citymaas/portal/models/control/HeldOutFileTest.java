package org.citymaas.portal.models.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.junit.jupiter.api.Test;

class HeldOutFileTest {

    /** A traffic-like card: a 3-wide count vector, an hour, and the trainer's FP32 target. */
    private static final List<FieldSpec> FIELDS = List.of(
            field("recent_counts", DataType.FP32, List.of(-1L, 3L), 0.0, 20000.0),
            field("hour_of_day", DataType.INT64, List.of(-1L, 1L), 0.0, 23.0),
            field("target", DataType.FP32, List.of(-1L, 1L), null, null));

    private static FieldSpec field(String name, DataType type, List<Long> shape, Double min, Double max) {
        return new FieldSpec(name, type, shape, null, min, max, null, Sensitivity.NONE, name, null);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RejectedModelUploadException refused(String text) {
        return catchThrowableOfType(() -> HeldOutFile.read(csv(text), FIELDS, 3), RejectedModelUploadException.class);
    }

    @Test
    void theHeaderNamesEachValueOfAWideInput() {
        assertThat(HeldOutFile.header(FIELDS))
                .containsExactly("recent_counts[0]", "recent_counts[1]", "recent_counts[2]", "hour_of_day", "target");
    }

    @Test
    void readsRowsIntoTensorsInAnyColumnOrder() {
        var rows = HeldOutFile.read(
                csv("\uFEFFtarget,hour_of_day,recent_counts[2],recent_counts[0],recent_counts[1]\r\n"
                        + "812.5,8,640,210,150.25\r\n"
                        + "\r\n"
                        + "1.2e3,17,1710,990,-0\r\n"),
                FIELDS,
                3);

        assertThat(rows.rows()).isEqualTo(2);
        var counts = rows.columns().get("recent_counts");
        assertThat(counts.shape()).containsExactly(2, 3);
        assertThat(counts.floats()).containsExactly(210f, 150.25f, 640f, 990f, -0f, 1710f);
        assertThat(rows.columns().get("hour_of_day").longs()).containsExactly(8L, 17L);
        assertThat(rows.columns().get("target").floats()).containsExactly(812.5f, 1200f);
        assertThat(rows.columns().keySet()).containsExactly("recent_counts", "hour_of_day", "target");
    }

    @Test
    void aMissingColumnIsNamed() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day\n1,2,3,4\n");

        assertThat(e.reason()).isEqualTo("heldout-invalid");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("lacks the column 'target'");
        assertThat(e.extensions()).containsEntry("column", "target").containsEntry("line", 1);
    }

    @Test
    void anUnknownColumnIsNamedByItsPosition() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,speed\n");

        assertThat(e.getMessage()).contains("column 6", "'speed'", "recent_counts[0]");
    }

    @Test
    void aCellThatIsNotANumberIsNamedByLineAndColumnWithoutQuotingIt() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n"
                + "1,2,3,4,5\n"
                + "1,2,NaN,4,5\n");

        assertThat(e.getMessage()).contains("line 3", "column 'recent_counts[2]'", "not a number");
        assertThat(e.getMessage()).doesNotContain("NaN");
        assertThat(e.extensions()).containsEntry("line", 3).containsEntry("column", "recent_counts[2]");
    }

    @Test
    void aFractionalHourIsNotAWholeNumber() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n1,2,3,4.5,5\n");

        assertThat(e.getMessage()).contains("line 2", "'hour_of_day'", "whole number");
    }

    @Test
    void aValueOutsideTheCardsRangeIsRefused() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n1,2,3,24,5\n");

        assertThat(e.getMessage()).contains("line 2", "'hour_of_day'", "outside 0.0 to 23.0");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreRefused() {
        assertThat(refused("").getMessage()).contains("empty");
        assertThat(refused("  \n").getMessage()).contains("empty");
        assertThat(refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n")
                        .getMessage())
                .contains("no data lines");
    }

    @Test
    void moreRowsThanAllowedAreRefused() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n"
                + "1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5\n1,2,3,4,5\n");

        assertThat(e.getMessage()).contains("more than 3 data lines");
        assertThat(e.extensions()).containsEntry("line", 5);
    }

    @Test
    void aShortLineIsNamed() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n1,2,3,4\n");

        assertThat(e.getMessage()).contains("line 2", "4 values", "5 columns");
    }

    @Test
    void hostileCharactersInTheHeaderAreRefusedWithoutEchoingThem() {
        var e = refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,tar\u202Eget\n1,2,3,4,5\n");

        assertThat(e.getMessage()).contains("column 5").doesNotContain("\u202E");
        assertThat(refused("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n1,2,3,4,5\u0000\n")
                        .getMessage())
                .contains("line 2", "'target'");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        var e = catchThrowableOfType(
                () -> HeldOutFile.read(new byte[] {'a', (byte) 0xff, '\n'}, FIELDS, 3),
                RejectedModelUploadException.class);

        assertThat(e.getMessage()).contains("not UTF-8");
    }
}
