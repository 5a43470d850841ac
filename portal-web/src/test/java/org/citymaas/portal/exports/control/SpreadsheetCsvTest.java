package org.citymaas.portal.exports.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCsvTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=cmd|' /C calc'!A0",
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "+1+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+9)*cmd|' /C calc'!A0",
                "\t=1+2",
                "\r=1+2",
                "+86 138****5678",
                "-",
                "--"
            })
    void turnsCellsThatStartLikeAFormulaIntoText(String cell) {
        assertThat(SpreadsheetCsv.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3.5", "-12", "+7", "1e-3", "-0.25E+2", "0", "张*反映楼上漏水", "a=b", "生态环境/噪音扰民", ""})
    void leavesNumbersAndOrdinaryTextAlone(String cell) {
        assertThat(SpreadsheetCsv.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void writesQuotedRecordsWithAByteOrderMark() {
        var csv = SpreadsheetCsv.write(
                List.of("line", "text", "score"),
                List.of(List.of(2, "=cmd|' /C calc'!A0", -0.5), List.of(3, "含逗号, 和 \"引号\"", 0.25)));

        assertThat(csv)
                .isEqualTo("\uFEFFline,text,score\r\n2,'=cmd|' /C calc'!A0,-0.5\r\n3,\"含逗号, 和 \"\"引号\"\"\",0.25\r\n");
    }

    @Test
    void writesNullAsAnEmptyCellAndPlainFilesWithoutAByteOrderMark() {
        var out = new StringBuilder();
        try (var csv = SpreadsheetCsv.plain(out)) {
            csv.row("a", null, "@b");
        }
        assertThat(out).hasToString("a,,'@b\r\n");
    }
}
