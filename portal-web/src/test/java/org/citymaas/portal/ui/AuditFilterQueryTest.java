package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class AuditFilterQueryTest {

    private static Map<String, String[]> parameters(String... pairs) {
        var map = new LinkedHashMap<String, String[]>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1].split("\\|", -1));
        }
        return map;
    }

    @Test
    void takesSeveralValuesRepeatedOrCommaSeparatedAndWritesThemInOneOrder() {
        var query = AuditFilterQuery.of(parameters(
                "outcome", "DENIED, REJECTED", "department", "transport", "actor", "a|b", "run", "1", "cursor", "x"));
        assertThat(query.queryString())
                .isEqualTo("department=transport&actor=a&actor=b&outcome=DENIED&outcome=REJECTED");
        var filters = query.filters(25);
        assertThat(filters.outcomes()).containsExactly("DENIED", "REJECTED");
        assertThat(filters.actors()).containsExactly("a", "b");
        assertThat(filters.limit()).isEqualTo(25);
        assertThat(query.text("outcome")).isEqualTo("DENIED,REJECTED");
    }

    @Test
    void aSavedQueryStringReadsBackAsTheSameFilters() {
        var query = AuditFilterQuery.of(parameters("from", "2026-12-07T08:30", "requestId", "req 1&2", "model", "m"));
        var again = AuditFilterQuery.parse(query.queryString());
        assertThat(again.queryString()).isEqualTo(query.queryString());
        assertThat(again.filters(null).requestId()).isEqualTo("req 1&2");
        assertThat(again.filters(null).models()).isEqualTo(List.of("m"));
    }

    @Test
    void blankFiltersAreLeftOutAndABadStatusOrTwoTimesAreRefused() {
        assertThat(AuditFilterQuery.of(parameters("actor", " ", "ip", "")).isEmpty())
                .isTrue();
        assertThatThrownBy(
                        () -> AuditFilterQuery.of(parameters("status", "abc")).filters(null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> AuditFilterQuery.of(parameters("from", "2026-12-01|2026-12-02")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("from");
    }
}
