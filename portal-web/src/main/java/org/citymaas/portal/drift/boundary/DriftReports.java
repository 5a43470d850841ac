package org.citymaas.portal.drift.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.drift.control.DriftJudge;
import org.citymaas.portal.drift.entity.CountKey;
import org.citymaas.portal.drift.entity.DriftRow;
import org.citymaas.portal.drift.entity.DriftSettings;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.catalog.entity.PredictionReference;
import org.citymaas.security.identity.entity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A month's drift report for platform admins and auditors: every department's use of every model
 * version, judged against the version card's held-out reference. This instance's counts are flushed
 * first, so that the report holds them; each read is recorded in the audit log (who, which month).
 */
@ApplicationScoped
public class DriftReports {

    private static final Logger LOG = Logger.getLogger(DriftReports.class.getName());

    private final Clock clock = Clock.systemUTC();

    @Inject
    LiveUse live;

    @Inject
    PredictionCounts stored;

    @Inject
    Catalog catalog;

    @Inject
    AuditTrail trail;

    @Inject
    @ConfigProperty(name = "citymaas.drift.threshold", defaultValue = "0.2")
    double threshold;

    @Inject
    @ConfigProperty(name = "citymaas.drift.watch", defaultValue = "0.1")
    double watch;

    @Inject
    @ConfigProperty(name = "citymaas.drift.minimum", defaultValue = "200")
    long minimum;

    /** A month's report. */
    public record DriftReport(YearMonth month, DriftSettings settings, List<DriftRow> rows) {}

    /**
     * The month's report (none: this month), its read audited as {@code drift.read} on {@code resource}.
     *
     * @throws InvalidParameterException {@code month}: not YYYY-MM, no month, or one that has not begun
     */
    public DriftReport report(Caller reader, String month, String resource) {
        var chosen = ReportMonth.parse(month, current()).month();
        try {
            live.flush();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the drift report misses this instance's latest counts: they could not be written",
                    e);
        }
        var settings = settings();
        var judge = new DriftJudge(settings);
        var counts = new LinkedHashMap<CountKey, List<PredictionCounts.Stored>>();
        stored.month(chosen)
                .forEach(s ->
                        counts.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        var rows = new ArrayList<DriftRow>();
        counts.forEach((key, bins) -> {
            var reference = reference(key);
            int max = bins.stream().mapToInt(PredictionCounts.Stored::bin).max().orElse(0);
            long[] perBin = new long
                    [Math.max(max + 1, reference.map(PredictionReference::bins).orElse(1))];
            bins.forEach(b -> perBin[b.bin()] += b.predictions());
            rows.add(judge.judge(key, reference, perBin));
        });
        long flagged = rows.stream()
                .filter(r -> r.verdict() == org.citymaas.portal.drift.entity.Verdict.DRIFT)
                .count();
        trail.record(AuditTrail.by(reader)
                .action("drift.read")
                .resource(resource)
                .outcome("OK", 200)
                .summary("month=" + chosen + ", " + rows.size() + " rows, " + flagged + " flagged")
                .build());
        return new DriftReport(chosen, settings, rows);
    }

    /** The months that have counts, newest first, this month always among them. */
    public List<YearMonth> months() {
        var months = new ArrayList<>(stored.months());
        var now = current().month();
        if (!months.contains(now)) {
            months.add(0, now);
        }
        return months;
    }

    public DriftSettings settings() {
        return new DriftSettings(threshold, watch, minimum);
    }

    private Optional<PredictionReference> reference(CountKey key) {
        return catalog.find(ModelRef.of(key.model(), key.version()))
                .map(ModelVersion::card)
                .flatMap(c -> c.driftReference());
    }

    private ReportMonth current() {
        return ReportMonth.current(clock);
    }
}
