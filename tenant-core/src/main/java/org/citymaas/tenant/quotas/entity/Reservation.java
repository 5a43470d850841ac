package org.citymaas.tenant.quotas.entity;

/**
 * One request's hold on its department's quota, taken before the model runs; settled or released
 * afterwards.
 *
 * @param tenant the department
 * @param model the catalog model
 * @param period the month it counts in
 * @param rows the rows reserved
 */
public record Reservation(String tenant, String model, QuotaPeriod period, long rows) {}
