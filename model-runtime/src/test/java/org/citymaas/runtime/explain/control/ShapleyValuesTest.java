package org.citymaas.runtime.explain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Exact Shapley values against games whose values are known in closed form. */
class ShapleyValuesTest {

    /** v(S) = f(x on S, b elsewhere). */
    static double[] game(double[] x, double[] b, ToDoubleFunction<double[]> f) {
        int n = x.length;
        double[] v = new double[1 << n];
        for (int s = 0; s < v.length; s++) {
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                row[i] = (s & (1 << i)) != 0 ? x[i] : b[i];
            }
            v[s] = f.applyAsDouble(row);
        }
        return v;
    }

    @Test
    void aLinearFunctionGetsWeightTimesDistanceFromTheBaseline() {
        double[] w = {2.0, -3.0, 0.5, 7.0, -1.25, 4.0, 0.0, 1.0};
        double[] x = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0};
        double[] b = {0.5, 2.5, -1.0, 4.0, 0.0, 1.0, 3.0, -2.0};
        ToDoubleFunction<double[]> f = r -> {
            double y = 10;
            for (int i = 0; i < r.length; i++) {
                y += w[i] * r[i];
            }
            return y;
        };
        double[] phi = ShapleyValues.exact(8, game(x, b, f));
        for (int i = 0; i < 8; i++) {
            assertThat(phi[i]).as("feature " + i).isCloseTo(w[i] * (x[i] - b[i]), within(1e-9));
        }
        // feature 3 sits at its baseline: dummy
        assertThat(phi[3]).isCloseTo(0, within(1e-12));
    }

    @Test
    void aProductOfTwoFeaturesIsSharedEqually() {
        double[] x = {3.0, 5.0};
        double[] b = {1.0, 2.0};
        double[] phi = ShapleyValues.exact(2, game(x, b, r -> r[0] * r[1]));
        // v(1,2) = 15, v(1) = 6, v(2) = 5, v() = 2: phi_1 = ((6 - 2) + (15 - 5)) / 2 = 7, phi_2 = ((5 - 2) + (15 - 6))
        // / 2 = 6
        assertThat(phi[0]).isCloseTo(7.0, within(1e-12));
        assertThat(phi[1]).isCloseTo(6.0, within(1e-12));
        assertThat(phi[0] + phi[1]).isCloseTo(15.0 - 2.0, within(1e-12));
    }

    @Test
    void symmetricFeaturesGetTheSameAndTheSumIsTheDifference() {
        // x0 and x1 enter symmetrically, x2 through a non-linearity with an interaction
        ToDoubleFunction<double[]> f = r -> Math.tanh(r[0] + r[1]) * Math.exp(0.3 * r[2]) + r[3] * r[0];
        double[] x = {0.7, 0.7, -1.2, 0.0};
        double[] b = {0.1, 0.1, 0.4, 0.0};
        double[] v = game(x, b, f);
        double[] phi = ShapleyValues.exact(4, v);
        assertThat(phi[0]).isCloseTo(phi[1], within(1e-12));
        assertThat(phi[3]).isCloseTo(0, within(1e-12));
        assertThat(phi[0] + phi[1] + phi[2] + phi[3]).isCloseTo(v[15] - v[0], within(1e-12));
    }

    @Test
    void readsTheCoalitionsFromAnOffset() {
        double[] v = {99, 99, 0, 1, 2, 3};
        // v(S) = bit 0 + 2 * bit 1: additive
        double[] phi = ShapleyValues.exact(2, v, 2);
        assertThat(phi).containsExactly(new double[] {1, 2}, within(1e-12));
    }

    @Test
    void weightsAddUpOverCoalitionsWithoutAPlayer() {
        for (int n = 1; n <= 12; n++) {
            double[] w = ShapleyValues.weights(n);
            double total = 0;
            double binomial = 1;
            for (int k = 0; k < n; k++) {
                total += w[k] * binomial;
                binomial = binomial * (n - 1 - k) / (k + 1);
            }
            assertThat(total).as("n = " + n).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void refusesTooManyPlayersOrTooFewValues() {
        assertThatThrownBy(() -> ShapleyValues.exact(17, new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapleyValues.exact(3, new double[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 8");
    }
}
