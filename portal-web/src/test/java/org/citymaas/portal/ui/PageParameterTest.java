package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageParameterTest {

    @Test
    void anAbsentOrEmptyParameterIsMissing() {
        assertThat(PageParameter.judge(null, PageParameter.MODEL)).isEqualTo(PageParameter.MISSING);
        assertThat(PageParameter.judge("", PageParameter.MODEL)).isEqualTo(PageParameter.MISSING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\u0000", "'\"<script>", "../../etc", "traffic\u202Eforecast", "Traffic", " traffic", "a\nb"})
    void hostileOrOddNamesAreMalformed(String name) {
        assertThat(PageParameter.judge(name, PageParameter.MODEL)).isEqualTo(PageParameter.MALFORMED);
    }

    @Test
    void aVeryLongNameIsMalformedEvenIfItsCharactersAreFine() {
        assertThat(PageParameter.judge("a".repeat(5000), PageParameter.MODEL)).isEqualTo(PageParameter.MALFORMED);
    }

    @Test
    void wellFormedNamesPassWhetherOrNotThereIsSuchAThing() {
        assertThat(PageParameter.judge("no-such-model", PageParameter.MODEL)).isEqualTo(PageParameter.WELL_FORMED);
        assertThat(PageParameter.judge("2026-13", PageParameter.MONTH)).isEqualTo(PageParameter.WELL_FORMED);
        assertThat(PageParameter.judge("transport", PageParameter.DEPARTMENT)).isEqualTo(PageParameter.WELL_FORMED);
        assertThat(PageParameter.judge("0b9c3a52-6a43-4c1e-9a3e-2b7f6f5d1e10", PageParameter.JOB))
                .isEqualTo(PageParameter.WELL_FORMED);
        assertThat(PageParameter.judge("42", PageParameter.JOB)).isEqualTo(PageParameter.MALFORMED);
    }
}
