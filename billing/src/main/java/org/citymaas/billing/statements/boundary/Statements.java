package org.citymaas.billing.statements.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.errors.BillingException;
import org.citymaas.billing.pricing.entity.CityTotal;
import org.citymaas.billing.statements.control.CityTotals;
import org.citymaas.billing.statements.control.CloseJob;
import org.citymaas.billing.statements.control.PeriodClose;
import org.citymaas.billing.statements.control.StatementStore;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.CloseOutcome;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The monthly statements' public face: a month-to-date estimate, closing a month into a DRAFT, the
 * budget holder's review, issuing, voiding, the scheduled close, and reads. Changes join the caller's
 * transaction (so that they commit with their audit event); the scheduled close runs each step in a
 * transaction of its own.
 */
@ApplicationScoped
@Transactional
public class Statements {

    /** How long a DRAFT waits after its month's end before the scheduled close issues it. */
    public static final Period DEFAULT_GRACE = Period.ofDays(3);

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    private final PeriodClose close = new PeriodClose();
    private final CloseJob job = new CloseJob();
    private final StatementStore store = new StatementStore();

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The month to date (status OPEN, no id): what its statement would say now. Nothing is stored. */
    @Transactional(TxType.SUPPORTS)
    public Statement estimate(BillingAccount account, YearMonth month, Instant now) {
        return work("estimate " + month, c -> close.estimate(c, account, month, now));
    }

    /** Creates the ended month's DRAFT or recomputes it (its review stays); an issued month comes back as it is. */
    public Statement close(BillingAccount account, YearMonth month, Instant now, CheckpointLocator locator) {
        return work("close " + month, c -> close.close(c, account, month, now, locator));
    }

    /** The budget holder accepts the month's DRAFT. */
    public Statement accept(TenantId tenant, YearMonth month, String by, String comment, Instant at) {
        return work(
                "review " + month, c -> close.review(c, tenant, month, new Statement.Review(true, comment, by, at)));
    }

    /** The budget holder disputes the month's DRAFT, saying why. */
    public Statement dispute(TenantId tenant, YearMonth month, String by, String comment, Instant at) {
        return work(
                "review " + month, c -> close.review(c, tenant, month, new Statement.Review(false, comment, by, at)));
    }

    /** Issues the month's DRAFT: recomputed under the lock, numbered, immutable. */
    public Statement issue(BillingAccount account, YearMonth month, String by, Instant now, CheckpointLocator locator) {
        return work("issue " + month, c -> close.issue(c, account, month, by, now, locator));
    }

    /** Voids an ISSUED statement with a reason; it keeps its number and the month can be closed again. */
    public Statement voidStatement(String number, String reason, String by, Instant at) {
        return work("void " + number, c -> close.voidStatement(c, number, reason, by, at));
    }

    /**
     * The scheduled close (see {@link CloseJob}): drafts ended months with usage, refreshes drafts and
     * issues those whose grace window has passed, each step in its own transaction.
     *
     * @param accounts every department to close, with its names as tenant-core has them
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<CloseOutcome> closeDue(
            Instant now, Period grace, List<BillingAccount> accounts, CheckpointLocator locator) {
        try {
            return job.run(dataSource, now, grace, accounts, locator);
        } catch (SQLException e) {
            throw new BillingException("the scheduled close could not read the statements", e);
        }
    }

    /** Every statement of the department, void ones included, newest month first. */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> ofDepartment(TenantId tenant) {
        return work("read statements", c -> store.ofTenant(c, tenant));
    }

    /** The department's statement of the month that is not void, if any. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Statement> find(TenantId tenant, YearMonth month) {
        return work("read statements", c -> store.current(c, tenant, month));
    }

    /** The statement with the number (issued or void), if any. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Statement> byNumber(String number) {
        return work("read statements", c -> store.byNumber(c, number));
    }

    /** Every department's statement of the month that is not void, by department. */
    @Transactional(TxType.SUPPORTS)
    public List<Statement> ofMonth(YearMonth month) {
        return work("read statements", c -> store.ofMonth(c, month));
    }

    /** The city's total of the month over its ISSUED statements, with the rounding line. */
    @Transactional(TxType.SUPPORTS)
    public CityTotal cityTotal(YearMonth month) {
        return work(
                "read statements",
                c -> CityTotals.of(store.ofMonth(c, month).stream()
                        .filter(s -> s.status() == StatementStatus.ISSUED)
                        .toList()));
    }

    private <T> T work(String what, Work<T> work) {
        try (var connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new BillingException("could not " + what + " (billing storage)", e);
        }
    }
}
