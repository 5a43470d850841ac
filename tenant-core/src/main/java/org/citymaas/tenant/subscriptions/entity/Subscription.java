package org.citymaas.tenant.subscriptions.entity;

import java.time.Instant;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * A department's access to a catalog model.
 *
 * @param tenant the department
 * @param model the catalog model
 * @param pinnedVersion the only version it may run, or null for every version
 * @param grantedBy who granted it
 * @param grantedAt when
 */
public record Subscription(TenantId tenant, String model, String pinnedVersion, String grantedBy, Instant grantedAt) {

    public Subscription {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }
}
