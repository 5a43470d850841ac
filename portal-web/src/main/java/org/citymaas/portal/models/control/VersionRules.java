package org.citymaas.portal.models.control;

import org.citymaas.portal.errors.FourEyesException;
import org.citymaas.portal.errors.ModelVersionStateException;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.portal.models.entity.VersionState;
import org.citymaas.runtime.catalog.entity.FairnessReport;

/**
 * The lifecycle's state machine: STAGED → (approved by another platform admin) PUBLISHED → DEPRECATED →
 * RETIRED, PUBLISHED → RETIRED (a version whose card has no fairness section, or one outside the tolerance, is not
 * approved); only a published version becomes the default; the default is neither
 * deprecated nor retired (another version is made the default first). Each method answers the next
 * state or throws the refusal (409, or 403 for the uploader's own approval); nothing is changed here.
 */
public final class VersionRules {

    private VersionRules() {}

    /**
     * A staged version, approved by another platform admin than its uploader, whose card's fairness section is
     * within the platform's tolerance ({@link FairnessRule}), is published.
     *
     * @param fairness the version's card's fairness section, or null when it has none (refused)
     */
    public static VersionState approve(VersionRecord v, String approver, FairnessReport fairness) {
        return approve(v, approver, fairness, null, false);
    }

    /**
     * As {@link #approve(VersionRecord, String, FairnessReport)}, judging the fairness report recomputed at upload
     * when there is one ({@link FairnessRule}).
     *
     * @param measured the report recomputed on the held-out file, or null
     * @param requireRecomputed whether a version without one is refused ({@code fairness-not-recomputed})
     */
    public static VersionState approve(
            VersionRecord v,
            String approver,
            FairnessReport fairness,
            MeasuredFairness measured,
            boolean requireRecomputed) {
        if (v.state() != VersionState.STAGED) {
            throw conflict(v, "only a staged version is approved; version " + v.version() + " is " + v.state());
        }
        if (approver.equals(v.uploadedBy())) {
            throw new FourEyesException(v.model(), v.version());
        }
        FairnessRule.requireWithinTolerance(v, fairness, measured, requireRecomputed);
        return VersionState.PUBLISHED;
    }

    /** Checks that the version may become the default (its state does not change). */
    public static void makeDefault(VersionRecord v, String currentDefault) {
        if (v.state() != VersionState.PUBLISHED) {
            throw conflict(
                    v, "only a published version becomes the default; version " + v.version() + " is " + v.state());
        }
        if (v.version().equals(currentDefault)) {
            throw conflict(v, "version " + v.version() + " is already the default");
        }
    }

    public static VersionState deprecate(VersionRecord v, String currentDefault) {
        if (v.state() != VersionState.PUBLISHED) {
            throw conflict(v, "only a published version is deprecated; version " + v.version() + " is " + v.state());
        }
        requireNotDefault(v, currentDefault, "deprecated");
        return VersionState.DEPRECATED;
    }

    public static VersionState retire(VersionRecord v, String currentDefault) {
        if (!v.state().serves()) {
            throw conflict(
                    v,
                    "only a published or deprecated version is retired; version " + v.version() + " is " + v.state());
        }
        requireNotDefault(v, currentDefault, "retired");
        return VersionState.RETIRED;
    }

    /** Checks that the default may go back to {@code previous}. */
    public static void rollBack(String model, VersionRecord previous) {
        if (previous == null) {
            throw new ModelVersionStateException(
                    model, "-", "NONE", "model '" + model + "' has no earlier default version to roll back to");
        }
        if (previous.state() != VersionState.PUBLISHED && previous.state() != VersionState.DEPRECATED) {
            throw conflict(
                    previous,
                    "the earlier default, version " + previous.version() + ", is " + previous.state()
                            + " and cannot answer again");
        }
    }

    private static void requireNotDefault(VersionRecord v, String currentDefault, String step) {
        if (v.version().equals(currentDefault)) {
            throw conflict(
                    v,
                    "version " + v.version() + " is the default; make another version the default before it is "
                            + step);
        }
    }

    private static ModelVersionStateException conflict(VersionRecord v, String detail) {
        return new ModelVersionStateException(v.model(), v.version(), v.state().name(), detail);
    }
}
