package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.LineRefusals;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.boundary.Quotas;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * A chunk's transactions: one reservation of quota for all its lines that need one (each line still
 * its own request and rows), and one transaction that settles or releases each line's reservation,
 * records each charged line's usage event, keeps every line's result and appends every line's audit
 * event last (one lock of the chain for the chunk), all or nothing. The settlement of a line is that
 * of {@code InferenceLedger.complete}: a line whose request id a concurrent run charged first is given
 * back its reservation and audited as a retry of it, or refused with 409 when it was another request.
 * The transaction commits only while this instance holds the job's lease (another instance may have
 * taken over a job whose lease expired; then this chunk's work is dropped and the holder runs its lines).
 */
@ApplicationScoped
public class ChunkLedger {

    @Inject
    Quotas quotas;

    @Inject
    UsageEvents usage;

    @Inject
    AuditTrail audit;

    @Inject
    BatchJobs jobs;

    @Inject
    BatchLeases leases;

    /**
     * How one line of a chunk ended, to be kept.
     *
     * @param line its line number (the chunk's lines are kept and audited in the file's order)
     * @param kept its result as kept (masked), or null when it waits to run again (the portal stopping)
     * @param event its audit event, or null when it has none (a failure of the portal's own)
     * @param reservation its share of the chunk's reservation, or null when it was not reserved
     * @param usage its usage event when it was answered and is charged, else null (the reservation is
     *     then released)
     */
    public record Finished(
            int line, BatchLine kept, AuditEvent.Builder event, Reservation reservation, UsageEvent usage) {}

    /**
     * Reserves each line's rows as a request of its own, all or nothing, committed at once.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException the quota does not cover them all; nothing taken
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Reservation> reserve(TenantId tenant, String model, List<Long> rows, Instant now) {
        return quotas.reserveEach(tenant, model, rows, now);
    }

    /** Gives the reservations back, in a transaction of their own (the chunk did not run). */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(List<Reservation> reservations) {
        reservations.forEach(quotas::release);
    }

    /**
     * Settles, meters, keeps and audits the chunk's lines, in the lines' order, all or nothing; first locks the
     * job's row if this instance still holds its lease ({@link BatchLeases#fence}).
     *
     * @throws org.citymaas.portal.batch.control.BatchLeaseLostException another instance took the job over:
     *     nothing is kept (its reservations are still to be given back)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(UUID job, List<Finished> finished, Instant now) {
        if (finished.isEmpty()) {
            return;
        }
        leases.fence(job);
        var lines = finished.stream()
                .sorted(java.util.Comparator.comparingInt(Finished::line))
                .toList();
        // the charged lines' usage events in one JDBC batch, their settlements together (one close of the
        // chunk's exact reservations); each line written, settled or given back as it would be alone
        var charged = lines.stream().filter(line -> line.usage() != null).toList();
        var written = usage.recordAll(charged.stream().map(Finished::usage).toList());
        var settlements = new ArrayList<QuotaSettlement>(charged.size());
        var notWritten = new HashSet<Integer>();
        for (int i = 0; i < charged.size(); i++) {
            var line = charged.get(i);
            if (written[i]) {
                settlements.add(
                        new QuotaSettlement(line.reservation(), line.usage().rows()));
            } else {
                notWritten.add(line.line());
            }
        }
        quotas.settleAll(settlements);
        var kept = new ArrayList<BatchLine>(lines.size());
        var events = new ArrayList<AuditEvent>(lines.size());
        for (var line : lines) {
            var result = line.kept();
            if (notWritten.contains(line.line())) {
                result = chargedBefore(line, result);
            } else if (line.usage() == null && line.reservation() != null) {
                quotas.release(line.reservation());
            }
            if (result != null) {
                kept.add(result);
            }
            if (line.event() != null) {
                events.add(line.event().build());
            }
        }
        jobs.finishLines(job, kept, now);
        if (!events.isEmpty()) {
            audit.appendChunk(events);
        }
    }

    /**
     * A line whose request id was charged already (a concurrent run charged it first): its reservation
     * given back, and its result as it must be kept then (a retry, or refused with 409).
     */
    private BatchLine chargedBefore(Finished line, BatchLine result) {
        var event = line.usage();
        quotas.release(line.reservation());
        var auditEvent = line.event();
        var retry = usage.find(event.tenant(), event.requestId())
                .map(first -> first.retriedBy(event.caller(), event.model(), event.rows(), event.requestDigest()))
                .orElse(false);
        if (retry) {
            auditEvent.summary(auditEvent.build().summary() + " | retry of the request id: charged once already");
            return result;
        }
        auditEvent
                .outcome("REJECTED", 409)
                .digests(event.requestDigest(), null)
                .summary(auditEvent.build().summary()
                        + " | request id already used for a different request: answer withheld, not charged");
        var refusal =
                LineRefusals.of(new RequestIdReusedException(event.requestId())).orElseThrow();
        return result == null
                ? null
                : result.refused(LineOutcome.REQUEST_ID_REUSED, refusal.message(), refusal.errors());
    }
}
