package org.citymaas.billing.statements.entity;

import java.util.Optional;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Finds the signed audit checkpoint that covers a request's audit event, so that a statement line can
 * cite it. Billing does not read the audit log itself: the portal implements this from it (tests pass
 * a fake).
 */
@FunctionalInterface
public interface CheckpointLocator {

    /**
     * The earliest signed checkpoint whose sequence number is at or after the audit event of the
     * department's request id; empty while no checkpoint covers it yet (or the request has no event).
     */
    Optional<Statement.CheckpointRef> covering(TenantId tenant, String requestId);

    /** A locator that finds nothing, for month-to-date estimates and drafts made before any checkpoint. */
    static CheckpointLocator none() {
        return (tenant, requestId) -> Optional.empty();
    }
}
