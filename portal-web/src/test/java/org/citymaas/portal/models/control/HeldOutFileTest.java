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

    private static final List<String> GROUPS = List.of("age_band", "sex");

    private static RejectedModelUploadException refusedWithGroups(String text) {
        return catchThrowableOfType(
                () -> HeldOutFile.read(csv(text), FIELDS, GROUPS, 3), RejectedModelUploadException.class);
    }

    @Test
    void groupColumnsAreReadAsLabelsBesideTheFieldsAndNeverAsAField() {
        var rows = HeldOutFile.read(
                csv("group:sex,target,hour_of_day,recent_counts[0],recent_counts[1],recent_counts[2],group:age_band\r\n"
                        + "female,1,8,1,2,3,\"21-29\"\r\n"
                        + "male,0,9,1,2,3,65+\r\n"),
                FIELDS,
                GROUPS,
                3);

        assertThat(rows.columns().keySet()).containsExactly("recent_counts", "hour_of_day", "target");
        assertThat(rows.groups().keySet()).containsExactly("age_band", "sex");
        assertThat(rows.groups().get("sex")).containsExactly("female", "male");
        assertThat(rows.groups().get("age_band")).containsExactly("21-29", "65+");
    }

    @Test
    void aFileWithoutGroupColumnsHasNoGroups() {
        var rows = HeldOutFile.read(
                csv("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target\n1,2,3,8,1\n"),
                FIELDS,
                GROUPS,
                3);

        assertThat(rows.groups()).isEmpty();
    }

    @Test
    void aFileWithSomeGroupColumnsLacksTheOthers() {
        var refused = refusedWithGroups(
                "recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,group:sex\n1,2,3,8,1,female\n");

        assertThat(refused.reason()).isEqualTo("heldout-invalid");
        assertThat(refused.extensions()).containsEntry("column", "group:age_band");
        assertThat(refused.getMessage()).contains("lacks the group column 'group:age_band'");
    }

    @Test
    void aGroupColumnOfAnotherAttributeIsRefusedAndSoIsOneWhereTheGeneratorHasNone() {
        var header = "recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,group:sex,group:age_band";
        var other = refusedWithGroups(header + ",group:district\n1,2,3,8,1,female,21-29,Centre\n");
        var none = catchThrowableOfType(
                () -> HeldOutFile.read(
                        csv("recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,group:sex\n"
                                + "1,2,3,8,1,female\n"),
                        FIELDS,
                        3),
                RejectedModelUploadException.class);

        assertThat(other.reason()).isEqualTo("heldout-invalid");
        assertThat(other.extensions()).containsEntry("column", "group:district");
        assertThat(other.getMessage()).contains("group:district", "group:age_band, group:sex");
        assertThat(none.reason()).isEqualTo("heldout-invalid");
        assertThat(none.getMessage()).contains("it has none");
    }

    @Test
    void hostileEmptyOrLongLabelsAreRefusedByLineAndColumnWithoutQuotingThem() {
        var header = "recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,group:age_band,group:sex\n";
        var hostile = refusedWithGroups(header + "1,2,3,8,1,21-29,\"fe\u202Emale\"\n");
        var empty = refusedWithGroups(header + "1,2,3,8,1,21-29,female\n1,2,3,8,1,,male\n");
        var secret = "x".repeat(GroupColumns.MAX_LABEL_LENGTH) + "SECRET";
        var longLabel = refusedWithGroups(header + "1,2,3,8,1,21-29," + secret + "\n");

        assertThat(hostile.reason()).isEqualTo("heldout-invalid");
        assertThat(hostile.extensions()).containsEntry("line", 2).containsEntry("column", "group:sex");
        assertThat(hostile.getMessage()).doesNotContain("male");
        assertThat(empty.extensions()).containsEntry("line", 3).containsEntry("column", "group:age_band");
        assertThat(empty.getMessage()).contains("empty");
        assertThat(longLabel.extensions()).containsEntry("line", 2).containsEntry("column", "group:sex");
        assertThat(longLabel.getMessage()).contains("longer than 64").doesNotContain("SECRET");
    }

    @Test
    void anAttributeWithMoreThan64DistinctLabelsIsRefused() {
        var text = new StringBuilder(
                "recent_counts[0],recent_counts[1],recent_counts[2],hour_of_day,target,group:age_band,group:sex\n");
        for (int i = 0; i < GroupColumns.MAX_GROUPS + 1; i++) {
            text.append("1,2,3,8,1,band-").append(i).append(",female\n");
        }

        var refused = catchThrowableOfType(
                () -> HeldOutFile.read(csv(text.toString()), FIELDS, GROUPS, 100), RejectedModelUploadException.class);

        assertThat(refused.reason()).isEqualTo("heldout-invalid");
        assertThat(refused.extensions()).containsEntry("line", 66).containsEntry("column", "group:age_band");
        assertThat(refused.getMessage())
                .contains("more than 64 distinct group labels")
                .doesNotContain("band-64");
    }
}
