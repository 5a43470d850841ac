package org.citymaas.portal.ui;

import java.io.Serializable;
import org.citymaas.portal.subscriptions.boundary.QuotaView;
import org.citymaas.portal.subscriptions.boundary.SubscriptionView;

/**
 * A department's subscription with this month's use against its limits, as a table row; a JavaBean,
 * since Faces' EL cannot read record components.
 */
public class SubscriptionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String department;
    private final String model;
    private final String pinnedVersion;
    private final String grantedBy;
    private final String grantedAt;
    private final long requestsUsed;
    private final Long requestLimit;
    private final long rowsUsed;
    private final Long rowLimit;

    public SubscriptionRow(SubscriptionView subscription, QuotaView quota) {
        this.department = subscription.department();
        this.model = subscription.model();
        this.pinnedVersion = subscription.pinnedVersion();
        this.grantedBy = subscription.grantedBy();
        this.grantedAt = ModelCardView.CITY_TIME.format(subscription.grantedAt());
        this.requestsUsed = quota.requestsUsed();
        this.requestLimit = quota.requestLimit();
        this.rowsUsed = quota.rowsUsed();
        this.rowLimit = quota.rowLimit();
    }

    /** {@code department/model}: what identifies the row. */
    public String getKey() {
        return department + "/" + model;
    }

    public String getDepartment() {
        return department;
    }

    public String getModel() {
        return model;
    }

    /** The only version the department may run, or null for every version. */
    public String getPinnedVersion() {
        return pinnedVersion;
    }

    public boolean isAllVersions() {
        return pinnedVersion == null;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    /** When it was granted (Asia/Shanghai). */
    public String getGrantedAt() {
        return grantedAt;
    }

    public long getRequestsUsed() {
        return requestsUsed;
    }

    /** Requests a month, or null for no limit. */
    public Long getRequestLimit() {
        return requestLimit;
    }

    public long getRowsUsed() {
        return rowsUsed;
    }

    /** Rows a month, or null for no limit. */
    public Long getRowLimit() {
        return rowLimit;
    }
}
