package org.citymaas.portal.metrics.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citymaas.portal.metrics.entity.Latency;
import org.citymaas.portal.metrics.entity.Outcome;
import org.citymaas.portal.metrics.entity.RequestFigures;
import org.eclipse.microprofile.metrics.MetricID;

/**
 * The runtime page's request table from the registry's series: one line per model and department, its
 * request counts per outcome, its quota refusals and its answered requests' latency.
 */
public final class RequestTable {

    public static final String MODEL = "model";
    public static final String DEPARTMENT = "department";
    public static final String OUTCOME = "outcome";

    private static final int QUOTA = Outcome.values().length;

    private record Line(String model, String department) {}

    private RequestTable() {}

    /**
     * @param requests the request counters' counts (tags model, department, outcome)
     * @param quotaRefusals the quota refusal counters' counts (tags model, department)
     * @param latencies the latency timers' figures (tags model, department, outcome; only {@code ok} is shown)
     */
    public static List<RequestFigures> of(
            Map<MetricID, Long> requests, Map<MetricID, Long> quotaRefusals, Map<MetricID, Latency> latencies) {
        var counts = new TreeMap<Line, long[]>(Comparator.comparing(Line::model).thenComparing(Line::department));
        requests.forEach((id, count) -> counts.computeIfAbsent(line(id), l -> new long[QUOTA + 1])[
                outcome(id).ordinal()] += count);
        quotaRefusals.forEach(
                (id, count) -> counts.computeIfAbsent(line(id), l -> new long[QUOTA + 1])[QUOTA] += count);
        var answered = new TreeMap<Line, Latency>(counts.comparator());
        latencies.forEach((id, latency) -> {
            if (outcome(id) == Outcome.OK) {
                answered.put(line(id), latency);
            }
        });
        var figures = new ArrayList<RequestFigures>();
        counts.forEach((line, c) -> figures.add(new RequestFigures(
                line.model(),
                line.department(),
                c[Outcome.OK.ordinal()],
                c[Outcome.REFUSED.ordinal()],
                c[Outcome.FAILED.ordinal()],
                c[QUOTA],
                answered.getOrDefault(line, Latency.NONE))));
        return figures;
    }

    /** A tag of the series, empty if it has none. */
    public static String tag(MetricID id, String name) {
        return id.getTags().getOrDefault(name, "");
    }

    private static Line line(MetricID id) {
        return new Line(tag(id, MODEL), tag(id, DEPARTMENT));
    }

    private static Outcome outcome(MetricID id) {
        var value = tag(id, OUTCOME);
        for (var outcome : Outcome.values()) {
            if (outcome.tag().equals(value)) {
                return outcome;
            }
        }
        return Outcome.FAILED;
    }
}
