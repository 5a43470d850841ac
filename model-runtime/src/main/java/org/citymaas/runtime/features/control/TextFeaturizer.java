package org.citymaas.runtime.features.control;

import java.util.Locale;
import org.citymaas.runtime.catalog.entity.TextFeatures;

/**
 * Hashed character n-grams (1 to {@code maxNgram} code points, FNV-1a into {@code dimensions} buckets),
 * log-scaled counts, L2-normalized. Chinese text needs no word segmentation for this: character
 * unigrams and bigrams carry most of the signal.
 */
public final class TextFeaturizer {

    private final int dimensions;
    private final int maxNgram;

    public TextFeaturizer(int dimensions, int maxNgram) {
        if (dimensions <= 0 || maxNgram <= 0) {
            throw new IllegalArgumentException("dimensions and maxNgram must be positive");
        }
        this.dimensions = dimensions;
        this.maxNgram = maxNgram;
    }

    public static TextFeaturizer of(TextFeatures spec) {
        return new TextFeaturizer(spec.dimensions(), spec.maxNgram());
    }

    public int dimensions() {
        return dimensions;
    }

    /** Writes the features of {@code text} into {@code out[offset .. offset + dimensions)}. */
    public void featurize(String text, float[] out, int offset) {
        int[] cps = normalize(text);
        for (int n = 1; n <= maxNgram; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                int h = 0x811c9dc5 ^ n;
                for (int k = i; k < i + n; k++) {
                    h = (h ^ cps[k]) * 0x01000193;
                }
                out[offset + Math.floorMod(h, dimensions)] += 1f;
            }
        }
        double norm = 0;
        for (int j = offset; j < offset + dimensions; j++) {
            if (out[j] != 0) {
                out[j] = (float) Math.log1p(out[j]);
                norm += out[j] * out[j];
            }
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = offset; j < offset + dimensions; j++) {
                out[j] *= inv;
            }
        }
    }

    public float[] featurize(String text) {
        float[] out = new float[dimensions];
        featurize(text, out, 0);
        return out;
    }

    private static int[] normalize(String text) {
        return text.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(cp -> !Character.isWhitespace(cp))
                .toArray();
    }
}
