package org.citymaas.portal.usage.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.citymaas.portal.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHistoryTest {

    @Test
    void takesFiftyUnlessToldAndAtMostFiveHundred() {
        assertThat(RequestHistory.limit(null)).isEqualTo(50);
        assertThat(RequestHistory.limit("")).isEqualTo(50);
        assertThat(RequestHistory.limit("1")).isEqualTo(1);
        assertThat(RequestHistory.limit(" 500 ")).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "ten", "2.5", "99999999999"})
    void refusesALimitOutOfRangeNamingIt(String limit) {
        assertThatThrownBy(() -> RequestHistory.limit(limit))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("limit"));
    }
}
