package org.citymaas.portal.drift.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.drift.entity.CountKey;
import org.citymaas.portal.drift.entity.DriftRow;
import org.citymaas.portal.drift.entity.DriftSettings;
import org.citymaas.portal.drift.entity.Verdict;
import org.citymaas.runtime.catalog.entity.PredictionReference;
import org.junit.jupiter.api.Test;

class DriftJudgeTest {

    private static final CountKey KEY = new CountKey("transport", "traffic-flow-forecast", "1", YearMonth.of(2026, 12));
    private static final PredictionReference DECILES = new PredictionReference(
            "vehicles_next_hour",
            PredictionReference.DECILES,
            List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.5),
            List.of(),
            Collections.nCopies(10, 0.1),
            1000);

    private final DriftJudge judge = new DriftJudge(DriftSettings.DEFAULTS);

    private static long[] even(long perBin) {
        long[] counts = new long[10];
        java.util.Arrays.fill(counts, perBin);
        return counts;
    }

    @Test
    void aMonthLikeTheHeldOutSetIsStable() {
        var row = judge.judge(KEY, Optional.of(DECILES), even(30));

        assertThat(row.verdict()).isEqualTo(Verdict.STABLE);
        assertThat(row.predictions()).isEqualTo(300);
        assertThat(row.psi()).isLessThan(0.1);
    }

    @Test
    void aMonthPiledIntoTheTopBinsIsFlagged() {
        long[] counts = new long[10];
        counts[8] = 150;
        counts[9] = 250;

        var row = judge.judge(KEY, Optional.of(DECILES), counts);

        assertThat(row.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(row.psi()).isGreaterThanOrEqualTo(0.2);
        assertThat(row.bins()).hasSize(10);
        assertThat(row.bins().get(9)).isEqualTo(new DriftRow.Bin("≥ 90.5", 250, 0.625, 0.1));
        assertThat(row.bins().get(0).label()).isEqualTo("< 10");
        assertThat(row.bins().get(1).label()).isEqualTo("[10, 20)");
    }

    @Test
    void aModerateShiftIsWatched() {
        long[] counts = {10, 15, 20, 25, 30, 30, 35, 40, 45, 50}; // PSI about 0.18

        var row = judge.judge(KEY, Optional.of(DECILES), counts);

        assertThat(row.psi()).isBetween(0.1, 0.2);
        assertThat(row.verdict()).isEqualTo(Verdict.WATCH);
    }

    @Test
    void fewerPredictionsThanTheMinimumAreTooFewToJudgeWhateverThePsi() {
        long[] counts = new long[10];
        counts[9] = 199;

        var row = judge.judge(KEY, Optional.of(DECILES), counts);

        assertThat(row.verdict()).isEqualTo(Verdict.TOO_FEW);
        assertThat(row.psi()).isGreaterThan(0.2);
    }

    @Test
    void withoutAReferenceThereIsNoJudgementOnlyACount() {
        var row = judge.judge(KEY, Optional.empty(), new long[] {500});

        assertThat(row.verdict()).isEqualTo(Verdict.NO_REFERENCE);
        assertThat(row.psi()).isNull();
        assertThat(row.predictions()).isEqualTo(500);
        assertThat(row.bins()).isEmpty();
    }

    @Test
    void aClassReferenceLabelsItsBinsByClass() {
        var classes = new PredictionReference(
                "department_probs",
                PredictionReference.TOP_CLASS,
                List.of(),
                List.of("水务", "教育"),
                List.of(0.5, 0.5),
                10);

        var row = judge.judge(KEY, Optional.of(classes), new long[] {150, 150});

        assertThat(row.bins()).extracting(DriftRow.Bin::label).containsExactly("水务", "教育");
        assertThat(row.verdict()).isEqualTo(Verdict.STABLE);
    }
}
