package org.citymaas.tenant.quotas.entity;

/**
 * A department's monthly limits for one model.
 *
 * @param requests how many requests a month
 * @param rows how many input rows a month (a CSV batch counts its rows)
 */
public record QuotaLimit(long requests, long rows) {

    public QuotaLimit {
        if (requests < 0 || rows < 0) {
            throw new IllegalArgumentException("quota limits cannot be negative");
        }
    }
}
