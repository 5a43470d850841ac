package org.citymaas.billing.usage.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.errors.UsageLedgerException;
import org.citymaas.billing.usage.control.UsageLedger;
import org.citymaas.billing.usage.control.UsageTally;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The usage ledger's public face: records one usage event per request (joining the caller's
 * transaction, so that it commits with the quota settlement and the audit event), finds what a
 * request id was charged, and reads a department's usage per model per day for reports.
 */
@ApplicationScoped
@Transactional
public class UsageEvents {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    private final UsageLedger ledger = new UsageLedger();
    private final UsageTally tally = new UsageTally();

    /**
     * Records the event.
     *
     * @return false when the department's request id was charged already; nothing was written then
     */
    public boolean record(UsageEvent event) {
        try (var connection = dataSource.getConnection()) {
            return ledger.record(connection, event);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not meter the request", e);
        }
    }

    /**
     * Records the events in one JDBC batch, in order (joining the caller's transaction, like {@link #record}).
     *
     * @return for each event, whether it was written: false where its department's request id was charged
     *     already (by an earlier event of the same list, too)
     */
    public boolean[] recordAll(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        try (var connection = dataSource.getConnection()) {
            return ledger.recordAll(connection, events);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not meter the requests", e);
        }
    }

    /** The event already charged for the department's request id, if any. */
    @Transactional(TxType.SUPPORTS)
    public Optional<UsageEvent> find(TenantId tenant, String requestId) {
        try (var connection = dataSource.getConnection()) {
            return ledger.find(connection, tenant, requestId);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not read the usage ledger", e);
        }
    }

    /** What each of the department's request ids was charged, by request id; ids charged nothing are absent. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, UsageEvent> charged(TenantId tenant, Collection<String> requestIds) {
        try (var connection = dataSource.getConnection()) {
            return ledger.findAll(connection, tenant, requestIds);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not read the usage ledger", e);
        }
    }

    /** The department's usage in the month (Asia/Shanghai), per model per day, with totals per model. */
    @Transactional(TxType.SUPPORTS)
    public MonthlyUsage month(TenantId tenant, YearMonth month) {
        try (var connection = dataSource.getConnection()) {
            return tally.month(connection, tenant, month);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not read the usage ledger", e);
        }
    }

    /** The months the department has usage in, and {@code current}, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<YearMonth> months(TenantId tenant, YearMonth current) {
        try (var connection = dataSource.getConnection()) {
            return tally.months(connection, tenant, current);
        } catch (SQLException e) {
            throw new UsageLedgerException("could not read the usage ledger", e);
        }
    }
}
