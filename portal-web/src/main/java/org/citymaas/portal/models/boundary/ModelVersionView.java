package org.citymaas.portal.models.boundary;

import java.time.Instant;
import java.util.List;
import org.citymaas.portal.models.control.FairnessRule;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.runtime.catalog.entity.FairnessReport;

/**
 * A model version as the API shows it.
 *
 * @param model catalog name
 * @param version version
 * @param state {@code STAGED}, {@code PUBLISHED}, {@code DEPRECATED} or {@code RETIRED}
 * @param defaultVersion whether it answers calls that name no version (and pin none)
 * @param shipped whether it was shipped with the portal rather than uploaded
 * @param uploadedBy who uploaded it, or null
 * @param uploadedAt when, or null
 * @param approvedBy the second platform admin who approved it, or null
 * @param approvedAt when, or null
 * @param retiredAt when it was retired, or null
 * @param replacement the version replacing it once retired, or null
 * @param sizeBytes bytes of its SavedModel on disk, or null
 * @param archiveSha256 hex SHA-256 of the uploaded archive, or null
 * @param metricsNote {@code measured on 7440 held-out rows: mae_vehicles_per_hour 39.5411 (declared 39.5411)},
 *     or {@code metrics not recomputed} when no held-out file came with the upload
 * @param heldOutRows rows of that held-out file, or null
 * @param measuredMetrics the card's metrics as declared and as recomputed on that file; empty when not
 *     recomputed
 * @param fairness the card's fairness section (per-group metrics on held-out rows and their checks), or null
 * @param fairnessNote {@code fairness recomputed on 1200 held-out rows}, {@code fairness declared by the
 *     uploader, not recomputed}, or for a shipped version {@code shipped: fairness measured by the trainer, not
 *     uploaded}
 * @param fairnessRows held-out rows the fairness report was recomputed on, or null
 * @param measuredFairness the fairness report recomputed at upload from the held-out file's group columns (what
 *     the publishing rule judges), or null
 * @param fairnessBlockers why its fairness keeps it from being published (no fairness table, not recomputed, each
 *     check of the judged report outside the platform's tolerance); empty when nothing does
 */
public record ModelVersionView(
        String model,
        String version,
        String state,
        boolean defaultVersion,
        boolean shipped,
        String uploadedBy,
        Instant uploadedAt,
        String approvedBy,
        Instant approvedAt,
        Instant retiredAt,
        String replacement,
        Long sizeBytes,
        String archiveSha256,
        String metricsNote,
        Integer heldOutRows,
        List<MetricMeasurement> measuredMetrics,
        FairnessReport fairness,
        String fairnessNote,
        Integer fairnessRows,
        FairnessReport measuredFairness,
        List<String> fairnessBlockers) {

    /** What a version's held-out recomputation says when none was made. */
    public static final String NOT_RECOMPUTED = "metrics not recomputed";

    /**
     * A declared metric recomputed at upload.
     *
     * @param name the card's metric name
     * @param declared the card's value
     * @param measured the value on the held-out rows
     * @param baseline the card's baseline, or null
     * @param declaredBaseline its declared value, or null
     * @param measuredBaseline its value on the held-out rows, or null
     */
    public record MetricMeasurement(
            String name,
            double declared,
            double measured,
            String baseline,
            Double declaredBaseline,
            Double measuredBaseline) {}

    static ModelVersionView of(
            VersionRecord r,
            boolean isDefault,
            boolean shipped,
            long diskBytes,
            HeldOutCheck measured,
            FairnessReport fairness,
            MeasuredFairness measuredFairness,
            boolean requireRecomputed) {
        return new ModelVersionView(
                r.model(),
                r.version(),
                r.state().name(),
                isDefault,
                shipped,
                r.uploadedBy(),
                r.uploadedAt(),
                r.approvedBy(),
                r.approvedAt(),
                r.retiredAt(),
                r.replacement(),
                r.sizeBytes() != null ? r.sizeBytes() : diskBytes,
                r.archiveSha256(),
                measured == null ? NOT_RECOMPUTED : measured.note(),
                measured == null ? null : measured.rows(),
                measured == null
                        ? List.of()
                        : measured.metrics().stream()
                                .map(m -> new MetricMeasurement(
                                        m.name(),
                                        m.declared(),
                                        m.measured(),
                                        m.baseline(),
                                        m.declaredBaseline(),
                                        m.measuredBaseline()))
                                .toList(),
                fairness,
                measuredFairness != null
                        ? measuredFairness.note()
                        : shipped ? MeasuredFairness.SHIPPED : MeasuredFairness.NOT_RECOMPUTED,
                measuredFairness == null ? null : measuredFairness.rows(),
                measuredFairness == null ? null : measuredFairness.report(),
                // shipped versions are published as shipped: nothing of theirs was uploaded to recompute
                FairnessRule.blockers(fairness, measuredFairness, requireRecomputed && !shipped));
    }
}
