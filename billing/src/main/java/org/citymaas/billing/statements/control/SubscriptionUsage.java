package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.UsageCitation;
import org.citymaas.billing.usage.entity.UsageKind;

/**
 * A department's billable usage of one model version in one month, per unit. Requests and rows count
 * the inferences; explanations add the rows of the explanations (an explained row is one unit); CPU
 * and GPU seconds add the compute time of every event, inference or explanation, that ran on that kind
 * of device (the runtime writes DJL's device name, {@code cpu()} or {@code gpu(0)}).
 */
final class SubscriptionUsage {

    private final UsageTotals all = new UsageTotals();
    private final UsageTotals infer = new UsageTotals();
    private final UsageTotals explain = new UsageTotals();
    private final UsageTotals cpu = new UsageTotals();
    private final UsageTotals gpu = new UsageTotals();

    /** Adds an inference's event; events come in ascending order of request id. */
    void add(String requestId, long rows, BigDecimal computeMillis, String device, Instant occurredAt) {
        add(requestId, rows, computeMillis, device, occurredAt, UsageKind.INFER);
    }

    /** Adds an event of the kind; events come in ascending order of request id. */
    void add(
            String requestId,
            long rows,
            BigDecimal computeMillis,
            String device,
            Instant occurredAt,
            UsageKind usageKind) {
        var kind = isGpu(device) ? "gpu" : "cpu";
        all.add(requestId, rows, computeMillis, kind, occurredAt);
        (usageKind == UsageKind.EXPLAIN ? explain : infer).add(requestId, rows, computeMillis, kind, occurredAt);
        (isGpu(device) ? gpu : cpu).add(requestId, rows, computeMillis, kind, occurredAt);
    }

    static boolean isGpu(String device) {
        return device.toLowerCase(Locale.ROOT).startsWith("gpu");
    }

    boolean isEmpty() {
        return all.requests() == 0;
    }

    /**
     * The quantity per unit: requests and rows of the inferences, explained rows, and CPU and GPU
     * seconds (compute milliseconds ÷ 1000).
     */
    Map<Unit, BigDecimal> quantities() {
        var quantities = new EnumMap<Unit, BigDecimal>(Unit.class);
        quantities.put(Unit.REQUEST, BigDecimal.valueOf(infer.requests()));
        quantities.put(Unit.ROW, BigDecimal.valueOf(infer.rows()));
        quantities.put(Unit.EXPLANATION, BigDecimal.valueOf(explain.rows()));
        quantities.put(Unit.CPU_SECOND, cpu.computeMillis().movePointLeft(3));
        quantities.put(Unit.GPU_SECOND, gpu.computeMillis().movePointLeft(3));
        return quantities;
    }

    /**
     * The events a unit's line counts: the inferences for requests and rows, the explanations for
     * explained rows, else those of its device.
     */
    UsageTotals of(Unit unit) {
        return switch (unit) {
            case REQUEST, ROW -> infer;
            case EXPLANATION -> explain;
            case CPU_SECOND -> cpu;
            case GPU_SECOND -> gpu;
        };
    }

    UsageTotals all() {
        return all;
    }

    UsageCitation citation(Unit unit) {
        return unit == null ? UsageCitation.none() : of(unit).citation();
    }
}
