package org.citymaas.runtime.features.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TextFeaturizerTest {

    private final TextFeaturizer featurizer = new TextFeaturizer(2048, 2);

    @Test
    void givesTheSameFeaturesForTheSameTextEveryTime() {
        assertThat(new TextFeaturizer(2048, 2).featurize("小区门口违停严重，希望尽快处理。"))
                .containsExactly(featurizer.featurize("小区门口违停严重，希望尽快处理。"));
    }

    @Test
    void normalizesToUnitLengthAndIgnoresWhitespaceAndCase() {
        float[] f = featurizer.featurize("Noise 噪音 扰民");
        double norm = 0;
        for (float v : f) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        assertThat(featurizer.featurize("noise噪音扰民")).containsExactly(f);
    }

    @Test
    void tellsDifferentComplaintsApart() {
        float[] noise = featurizer.featurize("工地夜间施工噪音很大");
        float[] water = featurizer.featurize("家里突然停水也没有通知");
        double dot = 0;
        for (int i = 0; i < noise.length; i++) {
            dot += noise[i] * water[i];
        }
        assertThat(dot).isLessThan(0.3);
    }

    @Test
    void givesZerosForTextWithoutCharacters() {
        assertThat(featurizer.featurize("   ")).containsOnly(0f);
    }
}
