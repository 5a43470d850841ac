package org.citymaas.portal.models.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.runtime.catalog.entity.Metric;
import org.junit.jupiter.api.Test;

class MetricToleranceTest {

    /** traffic-flow-forecast version 2's card. */
    private static final Metric DECLARED =
            new Metric("mae_vehicles_per_hour", 39.54106, "persistence (last hour's count)", 123.916263, false, 7440);

    @Test
    void agreesWithinTwoPercentOfTheDeclaredValueOrOneThousandth() {
        assertThat(MetricTolerance.agrees(39.54106, 39.54106)).isTrue();
        assertThat(MetricTolerance.agrees(39.54106, 40.3)).isTrue(); // +1.9%
        assertThat(MetricTolerance.agrees(39.54106, 40.4)).isFalse(); // +2.2%
        assertThat(MetricTolerance.agrees(39.54106, 38.8)).isTrue(); // -1.9%
        assertThat(MetricTolerance.agrees(19.77053, 39.54106)).isFalse(); // declared halved
        assertThat(MetricTolerance.agrees(0.0, 0.0009)).isTrue();
        assertThat(MetricTolerance.agrees(0.0, 0.002)).isFalse();
        assertThat(MetricTolerance.agrees(0.912, 0.93)).isTrue(); // accuracy, 2% is 0.018
        assertThat(MetricTolerance.agrees(0.912, 0.89)).isFalse();
    }

    @Test
    void matchingMetricsAreKeptDeclaredAndMeasured() {
        var measured =
                new Metric("mae_vehicles_per_hour", 39.61, "persistence (last hour's count)", 123.916263, false, 7440);

        var check = MetricTolerance.compare(List.of(DECLARED), List.of(measured), 7440);

        assertThat(check.rows()).isEqualTo(7440);
        var m = check.metrics().get(0);
        assertThat(m.declared()).isEqualTo(39.54106);
        assertThat(m.measured()).isEqualTo(39.61);
        assertThat(m.measuredBaseline()).isEqualTo(123.916263);
        assertThat(check.note())
                .isEqualTo("measured on 7440 held-out rows: mae_vehicles_per_hour 39.61 (declared 39.5411)");
    }

    @Test
    void aHalvedDeclaredErrorIsRefusedNamingTheMetricBothValuesAndTheRows() {
        var halved = new Metric(DECLARED.name(), 19.77053, DECLARED.baseline(), 123.916263, false, 7440);
        var measured = new Metric(DECLARED.name(), 39.54106, DECLARED.baseline(), 123.916263, false, 7440);

        var e = catchThrowableOfType(
                () -> MetricTolerance.compare(List.of(halved), List.of(measured), 7440),
                RejectedModelUploadException.class);

        assertThat(e.reason()).isEqualTo("heldout-mismatch");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("mae_vehicles_per_hour 19.7705", "measures 39.5411", "7440 held-out rows");
        assertThat(e.extensions())
                .containsEntry("metric", "mae_vehicles_per_hour")
                .containsEntry("declared", 19.77053)
                .containsEntry("measured", 39.54106)
                .containsEntry("rows", 7440);
    }

    @Test
    void aDeclaredBaselineIsCheckedTooAndOneNotDeclaredIsNot() {
        var measured = new Metric(DECLARED.name(), 39.54106, DECLARED.baseline(), 150.0, false, 7440);

        var e = catchThrowableOfType(
                () -> MetricTolerance.compare(List.of(DECLARED), List.of(measured), 7440),
                RejectedModelUploadException.class);
        assertThat(e.extensions()).containsEntry("metric", "mae_vehicles_per_hour baseline");

        var noBaseline = new Metric(DECLARED.name(), 39.54106, null, 0, false, 7440);
        var check = MetricTolerance.compare(List.of(noBaseline), List.of(measured), 7440);
        assertThat(check.metrics().get(0).baseline()).isNull();
        assertThat(check.metrics().get(0).measuredBaseline()).isNull();
    }

    @Test
    void aDeclaredMetricWithoutADefinitionIsUnsupported() {
        var other = new Metric("rmse", 50, null, 0, false, 7440);

        var e = catchThrowableOfType(
                () -> MetricTolerance.compare(List.of(other), List.of(DECLARED), 7440),
                RejectedModelUploadException.class);

        assertThat(e.reason()).isEqualTo("heldout-unsupported");
        assertThat(e.getMessage()).contains("'rmse'", "mae_vehicles_per_hour");
    }
}
