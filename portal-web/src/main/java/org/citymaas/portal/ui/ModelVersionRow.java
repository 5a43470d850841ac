package org.citymaas.portal.ui;

import java.io.Serializable;
import java.util.List;
import org.citymaas.portal.models.boundary.ModelVersionView;
import org.citymaas.portal.models.control.FairnessRule;
import org.citymaas.portal.models.entity.HeldOutCheck;

/** A model version as a table row; a JavaBean, since Faces' EL cannot read record components. */
public class ModelVersionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String version;
    private final String state;
    private final boolean defaultVersion;
    private final String uploadedBy;
    private final String approvedBy;
    private final String replacement;
    private final boolean uploadedByMe;
    private final int heldOutRows;
    private final List<List<String>> metrics;
    private final FairnessRow fairness;
    private final int fairnessRows;
    private final boolean fairnessNotRecomputed;
    private final boolean shipped;

    public ModelVersionRow(ModelVersionView view, String caller) {
        this.version = view.version();
        this.state = view.state();
        this.defaultVersion = view.defaultVersion();
        this.uploadedBy = view.uploadedBy() == null ? "" : view.uploadedBy();
        this.approvedBy = view.approvedBy() == null ? "" : view.approvedBy();
        this.replacement = view.replacement() == null ? "" : view.replacement();
        this.uploadedByMe = caller.equals(view.uploadedBy());
        this.heldOutRows = view.heldOutRows() == null ? 0 : view.heldOutRows();
        this.metrics = view.measuredMetrics().stream()
                .map(m -> List.of(m.name(), HeldOutCheck.number(m.measured()), HeldOutCheck.number(m.declared())))
                .toList();
        // the recomputed report is what the platform judges; the card's own table only when none was recomputed
        this.fairness = new FairnessRow(view.measuredFairness() != null ? view.measuredFairness() : view.fairness());
        this.fairnessRows = view.fairnessRows() == null ? 0 : view.fairnessRows();
        this.shipped = view.shipped();
        this.fairnessNotRecomputed = view.fairnessBlockers().contains(FairnessRule.NOT_RECOMPUTED);
    }

    /** Whether the card has no fairness table the platform judges (then it cannot be approved). */
    public boolean isFairnessMissing() {
        return fairness.missing();
    }

    /** Rows of the held-out file its fairness table was recomputed on at upload; 0: declared, not recomputed. */
    public int getFairnessRows() {
        return fairnessRows;
    }

    /** Whether it was shipped with the platform (its table measured by the trainer, nothing uploaded). */
    public boolean isShipped() {
        return shipped;
    }

    /** Whether its fairness table not being recomputed keeps it from being approved. */
    public boolean isFairnessNotRecomputed() {
        return fairnessNotRecomputed;
    }

    /** Each check: attribute, metric, value, limit ({@code ≤ 0.1}), verdict key, worst group, best group. */
    public List<List<String>> getFairnessChecks() {
        return fairness.checks();
    }

    /** Each group: attribute, group, held-out rows, judged ({@code true}/{@code false}), its metrics. */
    public List<List<String>> getFairnessGroups() {
        return fairness.groups();
    }

    /** Each check outside the tolerance: attribute, worst group, metric, value, limit, best group. */
    public List<List<String>> getFairnessOutside() {
        return fairness.outside();
    }

    /** Rows of the held-out file its metrics were recomputed on at upload; 0: not recomputed. */
    public int getHeldOutRows() {
        return heldOutRows;
    }

    /** Each recomputed metric: its name, the measured value and the declared one. */
    public List<List<String>> getMetrics() {
        return metrics;
    }

    public String getVersion() {
        return version;
    }

    public String getState() {
        return state;
    }

    public boolean isDefaultVersion() {
        return defaultVersion;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getReplacement() {
        return replacement;
    }

    /** Whether the signed-in admin uploaded it (and so may not approve it). */
    public boolean isUploadedByMe() {
        return uploadedByMe;
    }
}
