package org.citymaas.tenant.quotas.entity;

import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What a lease is of: one department's model in one month (one quota_usage row).
 *
 * @param tenant the department
 * @param model the catalog model
 * @param period the month
 */
public record LeaseKey(TenantId tenant, String model, QuotaPeriod period) {

    public LeaseKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(period, "period");
    }

    public static LeaseKey of(Reservation reservation) {
        return new LeaseKey(reservation.tenant(), reservation.model(), reservation.period());
    }
}
