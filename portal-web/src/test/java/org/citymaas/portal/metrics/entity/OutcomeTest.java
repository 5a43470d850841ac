package org.citymaas.portal.metrics.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void anAnswerIsOkARefusalIs4xxAndAFailureIs5xx() {
        assertThat(Outcome.of(200)).isEqualTo(Outcome.OK);
        assertThat(Outcome.of(400)).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(404)).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(429)).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(500)).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.of(504)).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.REFUSED.tag()).isEqualTo("refused");
    }
}
