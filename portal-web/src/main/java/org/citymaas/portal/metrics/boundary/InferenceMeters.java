package org.citymaas.portal.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citymaas.portal.metrics.control.RequestTable;
import org.citymaas.portal.metrics.control.TagValues;
import org.citymaas.portal.metrics.entity.Outcome;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts and times governed inference requests per model, department and outcome, and counts quota
 * refusals per model and department, in the application registry. The registry's counters and timers of
 * one series are looked up once and kept, so a request costs a map lookup, an increment and a timer update.
 */
@ApplicationScoped
public class InferenceMeters {

    static final String REQUESTS = "citymaas.inference.requests";
    static final String LATENCY = "citymaas.inference.latency";
    static final String QUOTA_REFUSALS = "citymaas.quota.refusals";
    static final String EXPLAIN_REQUESTS = "citymaas.explain.requests";
    static final String EXPLAIN_LATENCY = "citymaas.explain.latency";
    static final String MODEL = RequestTable.MODEL;
    static final String DEPARTMENT = RequestTable.DEPARTMENT;
    static final String OUTCOME = RequestTable.OUTCOME;

    private static final Metadata REQUESTS_METADATA = Metadata.builder()
            .withName(REQUESTS)
            .withDescription("Governed inference requests (API v2 infer) per model, department and outcome")
            .build();
    private static final Metadata LATENCY_METADATA = Metadata.builder()
            .withName(LATENCY)
            .withDescription("Governed inference request latency inside the portal's API, per model, department"
                    + " and outcome")
            .withUnit(MetricUnits.NANOSECONDS)
            .build();
    private static final Metadata QUOTA_METADATA = Metadata.builder()
            .withName(QUOTA_REFUSALS)
            .withDescription("Governed inference requests refused because the department's quota was spent (429)")
            .build();

    private static final Metadata EXPLAIN_REQUESTS_METADATA = Metadata.builder()
            .withName(EXPLAIN_REQUESTS)
            .withDescription("Governed explanations (API v2 explain) per model, department and outcome")
            .build();
    private static final Metadata EXPLAIN_LATENCY_METADATA = Metadata.builder()
            .withName(EXPLAIN_LATENCY)
            .withDescription("Governed explanation latency inside the portal's API, per model, department and outcome")
            .withUnit(MetricUnits.NANOSECONDS)
            .build();

    private record Key(String model, String department, Outcome outcome, boolean explain) {}

    private record Series(Counter requests, Timer latency, Counter quotaRefusals) {}

    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    @Inject
    ModelRuntime runtime;

    @Inject
    RuntimeGauges runtimeGauges;

    /**
     * Records one answered request.
     *
     * @param modelName the model name of the request's path, as typed (tagged only if the catalog holds it)
     * @param departmentId the caller's department id, null for none
     * @param status the answer's HTTP status
     * @param nanos the time from the request filter to the response filter, negative if unknown
     * @param explain whether it was an explanation ({@code /explain}) rather than an inference
     */
    public void record(String modelName, String departmentId, int status, long nanos, boolean explain) {
        var key = new Key(
                TagValues.model(
                        modelName, name -> !runtime.catalog().versions(name).isEmpty()),
                TagValues.department(departmentId),
                Outcome.of(status),
                explain);
        var meters = series.computeIfAbsent(key, this::register);
        meters.requests().inc();
        if (nanos >= 0) {
            meters.latency().update(Duration.ofNanos(nanos));
        }
        if (status == 429) {
            meters.quotaRefusals().inc();
        }
    }

    private Series register(Key key) {
        var model = new Tag(MODEL, key.model());
        var department = new Tag(DEPARTMENT, key.department());
        var outcome = new Tag(OUTCOME, key.outcome().tag());
        runtimeGauges.watchQueue(key.model(), key.department());
        return new Series(
                registry.counter(
                        key.explain() ? EXPLAIN_REQUESTS_METADATA : REQUESTS_METADATA, model, department, outcome),
                registry.timer(key.explain() ? EXPLAIN_LATENCY_METADATA : LATENCY_METADATA, model, department, outcome),
                registry.counter(QUOTA_METADATA, model, department));
    }
}
