package org.citymaas.tenant.quotas.entity;

import org.citymaas.tenant.departments.entity.TenantId;

/**
 * One request's hold on its department's quota, taken before the model runs; settled or released
 * afterwards.
 *
 * @param tenant the department
 * @param model the catalog model
 * @param period the month it counts in
 * @param rows the rows reserved
 */
public record Reservation(TenantId tenant, String model, QuotaPeriod period, long rows) {}
