package org.citymaas.portal.access.boundary;

import java.time.Instant;

/**
 * An access request as the department and the platform admins see it.
 *
 * @param id its number
 * @param department the department's slug
 * @param model the catalog model
 * @param requestedBy who asked
 * @param requestedAt when
 * @param justification why
 * @param status {@code PENDING}, {@code GRANTED} or {@code REFUSED}
 * @param decidedBy the platform admin who decided, or null
 * @param decidedAt when, or null
 * @param reason a refusal's reason, or null
 * @param requestLimit the monthly request limit granted, or null
 * @param rowLimit the monthly row limit granted, or null
 */
public record AccessRequestView(
        long id,
        String department,
        String model,
        String requestedBy,
        Instant requestedAt,
        String justification,
        String status,
        String decidedBy,
        Instant decidedAt,
        String reason,
        Long requestLimit,
        Long rowLimit) {}
