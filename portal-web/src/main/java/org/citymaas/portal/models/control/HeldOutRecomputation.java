package org.citymaas.portal.models.control;

import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.repository.boundary.ModelRepository;
import org.citymaas.runtime.training.boundary.HeldOutMetrics;

/**
 * Recomputes a just-stored version's declared metrics on an uploaded held-out file: reads the file against
 * the card (its inputs and the trainer's target columns), runs every row through the runtime in batches
 * under the upload checks' share key, scores them with the definitions of the card's generator and compares
 * with the card ({@link MetricTolerance}). When the file carries group columns ({@link GroupColumns}), the
 * fairness report is recomputed on the same outputs by the trainer's own evaluation and compared with the card's
 * table ({@link FairnessAgreement}). The caller removes the version when this refuses it.
 */
public final class HeldOutRecomputation {

    private HeldOutRecomputation() {}

    /**
     * What a held-out file may weigh.
     *
     * @param maxBytes its size
     * @param maxRows its data lines
     */
    public record HeldOutLimits(long maxBytes, int maxRows) {}

    /**
     * What the held-out file confirmed.
     *
     * @param metrics the declared metrics, recomputed
     * @param fairness the fairness report recomputed from the file's group columns, or null when it has none
     */
    public record Outcome(HeldOutCheck metrics, MeasuredFairness fairness) {}

    /**
     * @throws RejectedModelUploadException {@code too-large} (413), {@code heldout-unsupported} (no metric definitions for the card's
     *     generator), {@code heldout-invalid} (the file), {@code heldout-failed} (the model on its rows),
     *     {@code heldout-mismatch} (a metric outside the tolerance), {@code heldout-fairness-mismatch} (the
     *     fairness table recomputed from the group columns disagrees with the card's)
     */
    public static Outcome check(ModelCard card, byte[] file, HeldOutLimits limits, ModelRuntime runtime) {
        if (file.length > limits.maxBytes()) {
            throw new RejectedModelUploadException(
                    "too-large", "the held-out file is larger than " + limits.maxBytes() + " bytes");
        }
        var definitions = HeldOutMetrics.of(card)
                .orElseThrow(() -> new RejectedModelUploadException(
                        "heldout-unsupported",
                        "the card's metrics cannot be recomputed: its training_data.generator is none of the"
                                + " catalog's recipes, so the portal has no definition of its metrics"));
        var rows = HeldOutFile.read(file, definitions.columns(), definitions.groupAttributes(), limits.maxRows());
        if (!rows.groups().isEmpty() && card.fairness() == null) {
            throw HeldOutFile.invalid(
                    1,
                    HeldOutMetrics.groupColumn(definitions.groupAttributes().get(0)),
                    "the held-out file has group columns but the card has no fairness table to compare them with;"
                            + " send the file without them, or the card with its table");
        }
        try {
            var measured =
                    definitions.measure(runtime, ModelRepository.CHECKS, rows.rows(), rows.columns(), rows.groups());
            var metrics = MetricTolerance.compare(card.metrics(), measured.metrics(), rows.rows());
            return new Outcome(
                    metrics,
                    measured.fairness() == null
                            ? null
                            : FairnessAgreement.compare(card.fairness(), measured.fairness(), rows.rows()));
        } catch (InvalidModelUploadException e) {
            throw new RejectedModelUploadException(e.reason(), e.getMessage());
        }
    }
}
