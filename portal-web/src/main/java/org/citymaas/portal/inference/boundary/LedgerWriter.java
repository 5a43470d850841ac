package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.inference.boundary.InferenceLedger.Settlement;
import org.citymaas.portal.inference.entity.Completion;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.boundary.Quotas;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * The inference ledger's transactions ({@link InferenceLedger} groups completions into them):
 * tenant-core's quotas, billing's usage events and the audit log each join the one transaction started
 * here, the audit append last (it holds the chain's lock until the commit).
 */
@ApplicationScoped
public class LedgerWriter {

    static final String CONFLICT_SUFFIX =
            " | request id already used for a different request: answer withheld, not charged";
    static final String RETRY_SUFFIX = " | retry of the request id: charged once already";

    @Inject
    Quotas quotas;

    @Inject
    UsageEvents usage;

    @Inject
    AuditTrail audit;

    /**
     * Settles, meters and audits the completions in one transaction, each exactly as it would be alone:
     * charged; or, when its request id was charged first (by a concurrent request, or an earlier item of
     * the same group), its reservation given back and audited as a retry or as refused with 409.
     *
     * @return each completion's settlement, in order
     * @throws org.citymaas.tenant.errors.QuotaExceededException a leased reservation's lease was lost and
     *     the quota cannot take it any more; nothing of the group was written
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Settlement> completeAll(List<Completion> completions) {
        return write(completions);
    }

    /** One completion in a transaction of its own (a group that failed is written item by item). */
    @Transactional(TxType.REQUIRES_NEW)
    public Settlement completeOne(Completion completion) {
        return write(List.of(completion)).get(0);
    }

    private List<Settlement> write(List<Completion> completions) {
        var settlements = new ArrayList<Settlement>(completions.size());
        var charged = new ArrayList<QuotaSettlement>(completions.size());
        var events = new ArrayList<AuditEvent>(completions.size());
        // every usage event of the group in one JDBC batch; each written or not as it would be alone
        var written =
                usage.recordAll(completions.stream().map(Completion::usage).toList());
        for (int i = 0; i < completions.size(); i++) {
            var completion = completions.get(i);
            var event = completion.usage();
            if (written[i]) {
                charged.add(new QuotaSettlement(completion.reservation(), event.rows()));
                settlements.add(Settlement.CHARGED);
                events.add(completion.audit());
                continue;
            }
            quotas.release(completion.reservation());
            var retry = usage.find(event.tenant(), event.requestId())
                    .map(first -> first.retriedBy(event.caller(), event.model(), event.rows(), event.requestDigest()))
                    .orElse(false);
            if (retry) {
                settlements.add(Settlement.RETRY);
                var a = completion.audit();
                events.add(completion.audited(a.outcome(), a.httpStatus(), a.responseDigest(), RETRY_SUFFIX));
            } else {
                settlements.add(Settlement.CONFLICT);
                events.add(completion.audited("REJECTED", 409, null, CONFLICT_SUFFIX));
            }
        }
        quotas.settleAll(charged);
        audit.appendAll(events);
        return settlements;
    }

    /**
     * Reserves exactly, committed at once (the caller's transaction, if any, is suspended).
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException nothing left; nothing was taken
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Reservation reserve(TenantId tenant, String model, long rows, Instant now) {
        return quotas.reserve(tenant, model, rows, now);
    }

    /** Gives an exact reservation back and audits the failure, together. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(Reservation reservation, AuditEvent event) {
        quotas.release(reservation);
        audit.append(event);
    }
}
