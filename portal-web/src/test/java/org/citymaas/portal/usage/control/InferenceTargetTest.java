package org.citymaas.portal.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferenceTargetTest {

    @Test
    void readsTheModelAndTheVersionAskedFor() {
        assertThat(InferenceTarget.of("models/traffic-flow-forecast"))
                .isEqualTo(new InferenceTarget("traffic-flow-forecast", Optional.empty()));
        assertThat(InferenceTarget.of("models/traffic-flow-forecast/versions/2"))
                .isEqualTo(new InferenceTarget("traffic-flow-forecast", Optional.of("2")));
    }
}
