package org.citymaas.portal.subscriptions.boundary;

import java.time.Instant;

/**
 * What a department used of a model this month, and what it has left (null: no limit).
 *
 * @param model the catalog model
 * @param requestLimit requests a month, or null
 * @param requestsUsed requests used (and reserved) this month
 * @param requestsLeft requests left, or null
 * @param rowLimit rows a month, or null
 * @param rowsUsed rows used this month
 * @param rowsLeft rows left, or null
 * @param resetsAt when the month ends (Asia/Shanghai)
 */
public record QuotaView(
        String model,
        Long requestLimit,
        long requestsUsed,
        Long requestsLeft,
        Long rowLimit,
        long rowsUsed,
        Long rowsLeft,
        Instant resetsAt) {}
