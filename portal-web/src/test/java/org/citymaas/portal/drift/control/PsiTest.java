package org.citymaas.portal.drift.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsiTest {

    private static final List<Double> TENTHS = Collections.nCopies(10, 0.1);

    @Test
    void countsInTheReferenceSharesHaveAPsiOfZero() {
        long[] counts = new long[10];
        java.util.Arrays.fill(counts, 1000);

        assertThat(Psi.of(counts, TENTHS)).isCloseTo(0, within(1e-9));
    }

    @Test
    void isTheSumOfShareDifferencesTimesTheirLogRatio() {
        // live 0.3 / 0.7 (smoothed: 300.5/1001, 700.5/1001) against 0.5 / 0.5
        double live0 = 300.5 / 1001;
        double live1 = 700.5 / 1001;
        double expected = (live0 - 0.5) * Math.log(live0 / 0.5) + (live1 - 0.5) * Math.log(live1 / 0.5);

        assertThat(Psi.of(new long[] {300, 700}, List.of(0.5, 0.5))).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.1695, within(1e-3));
    }

    @Test
    void everythingInOneBinIsFarAboveTheConventionalThreshold() {
        long[] counts = new long[10];
        counts[9] = 500;

        assertThat(Psi.of(counts, TENTHS)).isGreaterThan(2);
    }

    @Test
    void anEmptyBinOnEitherSideIsSmoothedNotInfinite() {
        double emptyLive = Psi.of(new long[] {0, 100}, List.of(0.5, 0.5));
        double emptyReference = Psi.of(new long[] {50, 50}, List.of(0.0, 1.0));

        assertThat(emptyLive).isFinite().isPositive();
        assertThat(emptyReference).isFinite().isPositive();
    }

    @Test
    void aSmallShiftStaysBelowTheWatchLevel() {
        long[] counts = {95, 105, 100, 98, 102, 100, 97, 103, 100, 100};

        assertThat(Psi.of(counts, TENTHS)).isLessThan(0.01);
    }

    @Test
    void refusesCountsOfAnotherBinning() {
        assertThatThrownBy(() -> Psi.of(new long[] {1, 2, 3}, List.of(0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
