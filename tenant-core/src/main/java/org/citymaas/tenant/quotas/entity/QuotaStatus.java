package org.citymaas.tenant.quotas.entity;

import java.util.Optional;

/**
 * What a department used of a model this period, and what is left.
 *
 * @param period the month
 * @param requestsUsed requests settled, or reserved exactly (what instances hold leased is not counted)
 * @param rowsUsed rows settled, or reserved exactly
 * @param limit the limits, absent when the model is not limited
 */
public record QuotaStatus(QuotaPeriod period, long requestsUsed, long rowsUsed, Optional<QuotaLimit> limit) {

    public Optional<Long> requestsLeft() {
        return limit.map(l -> Math.max(0, l.requests() - requestsUsed));
    }

    public Optional<Long> rowsLeft() {
        return limit.map(l -> Math.max(0, l.rows() - rowsUsed));
    }
}
