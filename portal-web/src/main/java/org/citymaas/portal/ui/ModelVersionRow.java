package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.models.boundary.ModelVersionView;

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

    public ModelVersionRow(ModelVersionView view, String caller) {
        this.version = view.version();
        this.state = view.state();
        this.defaultVersion = view.defaultVersion();
        this.uploadedBy = view.uploadedBy() == null ? "" : view.uploadedBy();
        this.approvedBy = view.approvedBy() == null ? "" : view.approvedBy();
        this.replacement = view.replacement() == null ? "" : view.replacement();
        this.uploadedByMe = caller.equals(view.uploadedBy());
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
