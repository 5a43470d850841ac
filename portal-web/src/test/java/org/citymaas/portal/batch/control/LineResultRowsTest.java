package org.citymaas.portal.batch.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineResultRowsTest {

    @Test
    void theDocumentCarriesEachRowWithItsJsonAsTextAndLeavesNullsOut() throws Exception {
        var rows = List.of(
                new LineResultRows.Row(1, "{\"a\":\"1\"}", "[{\"name\":\"y\"}]", null, null, null),
                new LineResultRows.Row(2, "{\"a\":\"说\\\"\"}", null, 400, "bad \"cell\"", "[{\"field\":\"a\"}]"));

        var document = new ObjectMapper().readTree(LineResultRows.document(rows));

        assertThat(document).hasSize(2);
        assertThat(document.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(document.get(0).get("input").asText()).isEqualTo("{\"a\":\"1\"}");
        assertThat(document.get(0).get("output").asText()).isEqualTo("[{\"name\":\"y\"}]");
        assertThat(document.get(0).has("status")).isFalse();
        assertThat(document.get(0).has("message")).isFalse();
        assertThat(document.get(1).get("input").asText()).isEqualTo("{\"a\":\"说\\\"\"}");
        assertThat(document.get(1).has("output")).isFalse();
        assertThat(document.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(document.get(1).get("message").asText()).isEqualTo("bad \"cell\"");
        assertThat(document.get(1).get("errors").asText()).isEqualTo("[{\"field\":\"a\"}]");
    }

    @Test
    void keptNamesTheRowsWhoseLinesTheStatementFinished() {
        var rows = List.of(
                new LineResultRows.Row(7, "{}", null, 500, "failed", null),
                new LineResultRows.Row(8, "{}", "[]", null, null, null),
                new LineResultRows.Row(9, "{}", "[]", null, null, null));

        assertThat(LineResultRows.kept(rows, List.of(9, 7L))).containsExactly(true, false, true);
        assertThat(LineResultRows.kept(rows, List.of())).containsExactly(false, false, false);
    }
}
