package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.CheckpointLocator;
import org.citymaas.billing.statements.entity.CloseOutcome;
import org.citymaas.billing.statements.entity.CloseOutcome.Action;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The scheduled period close. Per department with a billing account: drafts every ended month that
 * has usage and no statement (a month whose statement was voided is closed again by hand, not here),
 * then per DRAFT, oldest first: issues it once its grace window has passed, unless it is disputed
 * (a disputed draft waits for a platform admin to issue it by hand), else recomputes it. Each step is
 * a transaction of its own, so that one department's failure (such as a missing audit checkpoint)
 * rolls back only that step and the next run tries again.
 */
public final class CloseJob {

    /** Who the job issues statements as. */
    public static final String ACTOR = "billing-close";

    private static final String DUE = "SELECT DISTINCT period FROM usage_event u WHERE tenant_id = ? AND period < ?"
            + " AND outcome = 'OK' AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.tenant_id = u.tenant_id"
            + " AND s.month = u.period) ORDER BY period";
    private static final String DRAFTS =
            "SELECT month, review_accepted FROM statement WHERE tenant_id = ?" + " AND status = 'DRAFT' ORDER BY month";

    private final PeriodClose close = new PeriodClose();

    /** One step, in its own transaction. */
    private interface Step {
        String run(Connection connection) throws SQLException;
    }

    public List<CloseOutcome> run(
            DataSource dataSource, Instant now, Period grace, List<BillingAccount> accounts, CheckpointLocator locator)
            throws SQLException {
        var outcomes = new ArrayList<CloseOutcome>();
        var current = YearMonth.from(now.atZone(PeriodClose.ZONE));
        for (var account : accounts) {
            var tenant = account.tenant();
            var drafted = new ArrayList<YearMonth>();
            for (var month : due(dataSource, tenant, current)) {
                var outcome = step(dataSource, tenant, month, Action.DRAFTED, c -> {
                    close.close(c, account, month, now, locator);
                    return null;
                });
                outcomes.add(outcome);
                drafted.add(month);
            }
            for (var draft : drafts(dataSource, tenant).entrySet()) {
                var month = draft.getKey();
                var disputed = Boolean.FALSE.equals(draft.getValue());
                if (!disputed && !now.isBefore(PeriodClose.issueDue(month, grace))) {
                    outcomes.add(step(
                            dataSource,
                            tenant,
                            month,
                            Action.ISSUED,
                            c -> close.issue(c, account, month, ACTOR, now, locator)
                                    .number()));
                } else if (!drafted.contains(month)) {
                    outcomes.add(step(dataSource, tenant, month, disputed ? Action.DISPUTED : Action.REFRESHED, c -> {
                        close.close(c, account, month, now, locator);
                        return null;
                    }));
                }
            }
        }
        return outcomes;
    }

    private static CloseOutcome step(DataSource dataSource, TenantId tenant, YearMonth month, Action action, Step step)
            throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var detail = step.run(connection);
                connection.commit();
                return new CloseOutcome(tenant, month, action, detail);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                return new CloseOutcome(tenant, month, Action.FAILED, e.getMessage());
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<YearMonth> due(DataSource dataSource, TenantId tenant, YearMonth current) throws SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(DUE)) {
            query.setString(1, tenant.value());
            query.setDate(2, Date.valueOf(current.atDay(1)));
            try (var result = query.executeQuery()) {
                var months = new ArrayList<YearMonth>();
                while (result.next()) {
                    months.add(YearMonth.from(result.getDate(1).toLocalDate()));
                }
                return months;
            }
        }
    }

    /** The department's drafts, oldest first, with their review (null: none, false: disputed). */
    private static Map<YearMonth, Boolean> drafts(DataSource dataSource, TenantId tenant) throws SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(DRAFTS)) {
            query.setString(1, tenant.value());
            try (var result = query.executeQuery()) {
                var drafts = new LinkedHashMap<YearMonth, Boolean>();
                while (result.next()) {
                    drafts.put(YearMonth.from(result.getDate(1).toLocalDate()), result.getObject(2, Boolean.class));
                }
                return drafts;
            }
        }
    }
}
