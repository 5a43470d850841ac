package org.citymaas.portal.inference.entity;

import java.util.Objects;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * A request that ran and is to be settled, metered and audited (together with others that completed
 * at the same moment, in one transaction).
 *
 * @param reservation its hold on the quota
 * @param usage its usage event
 * @param audit its audit event as answered; a retry or a conflict of its request id changes it
 */
public record Completion(Reservation reservation, UsageEvent usage, AuditEvent audit) {

    public Completion {
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(audit, "audit");
    }

    /** Its audit event with another outcome, response digest and summary suffix. */
    public AuditEvent audited(String outcome, Integer status, String responseDigest, String summarySuffix) {
        var a = audit;
        return new AuditEvent(
                a.occurredAt(),
                a.actor(),
                a.actorType(),
                a.tenant(),
                a.action(),
                a.resource(),
                outcome,
                status,
                a.clientAddress(),
                a.requestId(),
                a.requestDigest(),
                responseDigest,
                (a.summary() == null ? "" : a.summary()) + summarySuffix);
    }
}
