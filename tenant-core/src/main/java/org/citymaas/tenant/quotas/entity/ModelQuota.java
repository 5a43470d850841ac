package org.citymaas.tenant.quotas.entity;

import java.util.Objects;

/**
 * A department's quota status for one model.
 *
 * @param model the catalog model
 * @param status what it used this month and its limits
 */
public record ModelQuota(String model, QuotaStatus status) {

    public ModelQuota {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
    }
}
