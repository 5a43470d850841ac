package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.boundary.Quotas;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * The inference path's transactions, each short and its own: look up a request id, reserve quota,
 * and finish (settle + usage event + audit event, or release + audit event). tenant-core's quotas,
 * billing's usage events and the audit log each join the one transaction started here, the audit
 * append last.
 */
@ApplicationScoped
public class InferenceLedger {

    @Inject
    Quotas quotas;

    @Inject
    UsageEvents usage;

    @Inject
    AuditTrail audit;

    /** The usage event already charged for this department's request id, if any. */
    public Optional<UsageEvent> charged(TenantId tenant, String requestId) {
        return usage.find(tenant, requestId);
    }

    /**
     * Takes one request and its rows from this month's quota, committed at once.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException nothing left; nothing was taken
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Reservation reserve(TenantId tenant, String model, long rows, Instant now) {
        return quotas.reserve(tenant, model, rows, now);
    }

    /** How {@link #complete} ended. */
    public enum Settlement {
        /** This request was charged. */
        CHARGED,
        /** A concurrent retry of the same request was charged first; this one was not. */
        RETRY,
        /**
         * A concurrent request under the same id, but another request or caller, was charged first:
         * this one was not charged and is audited as refused (409); its answer must not be given.
         */
        CONFLICT
    }

    /**
     * Settles the reservation, records the usage event and the audit event, all or nothing. When a
     * concurrent request with the same request id was charged first, this one's reservation is given
     * back instead, and it is audited as a retry of it or, when it was not the same request of the
     * same caller, as refused with 409.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Settlement complete(Reservation reservation, UsageEvent event, AuditEvent.Builder auditEvent) {
        var settlement = Settlement.CHARGED;
        if (usage.record(event)) {
            quotas.settle(reservation, event.rows());
        } else {
            quotas.release(reservation);
            var retry = usage.find(event.tenant(), event.requestId())
                    .map(first -> first.retriedBy(event.caller(), event.model(), event.rows(), event.requestDigest()))
                    .orElse(false);
            if (!retry) {
                settlement = Settlement.CONFLICT;
                auditEvent
                        .outcome("REJECTED", 409)
                        .digests(event.requestDigest(), null)
                        .summary(auditEvent.build().summary()
                                + " | request id already used for a different request: answer withheld, not charged");
            } else {
                settlement = Settlement.RETRY;
                auditEvent.summary(auditEvent.build().summary() + " | retry of the request id: charged once already");
            }
        }
        audit.append(auditEvent.build());
        return settlement;
    }

    /** Gives the reservation back and audits the failure, together. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(Reservation reservation, AuditEvent event) {
        quotas.release(reservation);
        audit.append(event);
    }
}
