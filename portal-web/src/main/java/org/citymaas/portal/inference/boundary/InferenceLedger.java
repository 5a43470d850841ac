package org.citymaas.portal.inference.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.usage.control.UsageLedger;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.quotas.control.QuotaLedger;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * The inference path's transactions, each short and on the container data source: look up a
 * request id, reserve quota, and finish (settle + usage event + audit event, or release + audit
 * event) in one transaction with the audit append last.
 */
@ApplicationScoped
public class InferenceLedger {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    private final QuotaLedger quotas = new QuotaLedger();
    private final UsageLedger usage = new UsageLedger();

    /** The usage event already charged for this department's request id, if any. */
    public Optional<UsageEvent> charged(String tenant, String requestId) {
        try (var connection = dataSource.getConnection()) {
            return usage.find(connection, tenant, requestId);
        } catch (SQLException e) {
            throw new LedgerException("could not read the usage ledger", e);
        }
    }

    /**
     * Takes one request and its rows from this month's quota, committed at once.
     *
     * @throws org.citymaas.tenant.errors.QuotaExceededException nothing left; nothing was taken
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Reservation reserve(String tenant, String model, long rows, Instant now) {
        try (var connection = dataSource.getConnection()) {
            return quotas.reserve(connection, tenant, model, rows, now);
        } catch (SQLException e) {
            throw new LedgerException("could not reserve quota", e);
        }
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
        try (var connection = dataSource.getConnection()) {
            var settlement = Settlement.CHARGED;
            if (usage.record(connection, event)) {
                quotas.settle(connection, reservation, event.rows());
            } else {
                quotas.release(connection, reservation);
                var retry = usage.find(connection, event.tenant(), event.requestId())
                        .map(first ->
                                first.retriedBy(event.caller(), event.model(), event.rows(), event.requestDigest()))
                        .orElse(false);
                if (!retry) {
                    settlement = Settlement.CONFLICT;
                    auditEvent
                            .outcome("REJECTED", 409)
                            .digests(event.requestDigest(), null)
                            .summary(
                                    auditEvent.build().summary()
                                            + " | request id already used for a different request: answer withheld, not charged");
                } else {
                    settlement = Settlement.RETRY;
                    auditEvent.summary(
                            auditEvent.build().summary() + " | retry of the request id: charged once already");
                }
            }
            audit.append(auditEvent.build());
            return settlement;
        } catch (SQLException e) {
            throw new LedgerException("could not meter the request", e);
        }
    }

    /** Gives the reservation back and audits the failure, together. */
    @Transactional(TxType.REQUIRES_NEW)
    public void fail(Reservation reservation, AuditEvent event) {
        try (var connection = dataSource.getConnection()) {
            quotas.release(connection, reservation);
            audit.append(event);
        } catch (SQLException e) {
            throw new LedgerException("could not release the quota reservation", e);
        }
    }
}
