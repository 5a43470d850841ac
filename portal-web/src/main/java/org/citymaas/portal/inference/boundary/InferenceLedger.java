package org.citymaas.portal.inference.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.inference.control.CompletionGroups;
import org.citymaas.portal.inference.entity.Completion;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.boundary.Quotas;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * The inference path's ledger steps: look up a request id, reserve quota (from this instance's quota
 * lease in memory, or exactly in a short transaction of its own), and finish (settle + usage event +
 * audit event, grouped with concurrent completions into one transaction by {@link LedgerWriter}; or
 * release + audit event).
 */
@ApplicationScoped
public class InferenceLedger {

    /** The most completions in one transaction. */
    static final int MAX_GROUP = 256;

    static final String LEASE_LOST_SUFFIX =
            " | quota lease lost and the quota is used up: answer withheld, not charged";

    @Inject
    Quotas quotas;

    @Inject
    UsageEvents usage;

    @Inject
    AuditTrail audit;

    @Inject
    LedgerWriter writer;

    private CompletionGroups<Completion, Settlement> groups;

    @PostConstruct
    void groups() {
        groups = new CompletionGroups<>(MAX_GROUP, writer::completeAll, writer::completeOne);
    }

    /** The usage event already charged for this department's request id, if any. */
    public Optional<UsageEvent> charged(TenantId tenant, String requestId) {
        return usage.find(tenant, requestId);
    }

    /**
     * Takes one request and its rows from this month's quota: from this instance's lease (no database),
     * else exactly, committed at once. Any caller may settle or release it through {@link Quotas}.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException nothing left; nothing was taken
     */
    public Reservation reserve(TenantId tenant, String model, long rows, Instant now) {
        return quotas.fromLease(tenant, model, rows, now).orElseGet(() -> writer.reserve(tenant, model, rows, now));
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
     * Settles the reservation, records the usage event and the audit event, all or nothing, in one
     * transaction with the other requests completing at the same moment (group commit: one commit,
     * one usage-row update per lease and one audit chain lock for the group); returns once that
     * transaction committed, so no answer goes out without its usage and audit records. When a
     * concurrent request with the same request id was charged first, this one's reservation is given
     * back instead, and it is audited as a retry of it or, when it was not the same request of the
     * same caller, as refused with 409. A group that fails is written again item by item, so one
     * failing request does not lose the others' records.
     *
     * @throws QuotaExceededException the reservation was served from a lease that was lost meanwhile
     *     (expired, or dropped by a limit change) and the quota cannot take it any more: not charged,
     *     audited as refused (429); its answer must not be given
     */
    public Settlement complete(Reservation reservation, UsageEvent event, AuditEvent.Builder auditEvent) {
        var completion = new Completion(reservation, event, auditEvent.build());
        try {
            return groups.write(completion);
        } catch (QuotaExceededException e) {
            audit.record(completion.audited("REJECTED", 429, null, LEASE_LOST_SUFFIX));
            throw e;
        }
    }

    /** Gives the reservation back and audits the failure, together. */
    public void fail(Reservation reservation, AuditEvent event) {
        if (reservation.leased()) {
            // given back to this instance's lease in memory: only the audit event is written, and
            // AuditLog.record commits it with whatever other events are recorded at the same moment
            quotas.release(reservation);
            audit.record(event);
        } else {
            writer.fail(reservation, event);
        }
    }
}
