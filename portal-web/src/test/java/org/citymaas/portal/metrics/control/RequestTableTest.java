package org.citymaas.portal.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.citymaas.portal.metrics.entity.Latency;
import org.citymaas.portal.metrics.entity.RequestFigures;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class RequestTableTest {

    private static MetricID id(String name, String model, String department, String outcome) {
        if (outcome == null) {
            return new MetricID(name, new Tag("model", model), new Tag("department", department));
        }
        return new MetricID(
                name, new Tag("model", model), new Tag("department", department), new Tag("outcome", outcome));
    }

    @Test
    void oneLinePerModelAndDepartmentWithItsOutcomesQuotaRefusalsAndAnsweredLatency() {
        var requests = Map.of(
                id("r", "traffic-flow-forecast", "transport", "ok"), 5L,
                id("r", "traffic-flow-forecast", "transport", "refused"), 3L,
                id("r", "traffic-flow-forecast", "transport", "failed"), 1L,
                id("r", "air-quality", "environment", "ok"), 2L);
        var quota = Map.of(
                id("q", "traffic-flow-forecast", "transport", null), 2L,
                id("q", "air-quality", "environment", null), 0L);
        var answered = new Latency(5, 1.5, 4.0);
        var latencies = Map.of(
                id("l", "traffic-flow-forecast", "transport", "ok"),
                answered,
                id("l", "traffic-flow-forecast", "transport", "refused"),
                new Latency(3, 0.2, 0.3));

        var table = RequestTable.of(requests, quota, latencies);

        assertThat(table)
                .containsExactly(
                        new RequestFigures("air-quality", "environment", 2, 0, 0, 0, Latency.NONE),
                        new RequestFigures("traffic-flow-forecast", "transport", 5, 3, 1, 2, answered));
    }

    @Test
    void noSeriesNoLines() {
        assertThat(RequestTable.of(Map.of(), Map.of(), Map.of())).isEmpty();
    }
}
