package org.citymaas.billing.budgets.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citymaas.billing.budgets.entity.AlertEvent;
import org.citymaas.billing.budgets.entity.BudgetAlert;
import org.citymaas.billing.budgets.entity.BudgetAlertKind;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The alert state per department, month and kind. Every change is a conditional statement that only
 * one of several concurrent callers (portal instances) can make: the first firing is an {@code INSERT
 * ... ON CONFLICT DO NOTHING} on the key, a firing after a resolve and a resolve are {@code UPDATE}s
 * guarded by the row's state. Under READ COMMITTED a second caller waits for the first one's row lock
 * and then finds nothing to change, so each transition is reported to one caller only.
 */
public final class AlertLedger {

    private static final String STATES =
            "SELECT kind FROM budget_alert" + " WHERE tenant_id = ? AND period = ? AND resolved_at IS NULL";
    private static final String FIRE_FIRST = "INSERT INTO budget_alert (tenant_id, period, kind, fired_at,"
            + " observed, budget) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, period, kind) DO NOTHING";
    private static final String FIRE_AGAIN = "UPDATE budget_alert SET fired_at = ?, observed = ?, budget = ?,"
            + " times_fired = times_fired + 1, resolved_at = NULL"
            + " WHERE tenant_id = ? AND period = ? AND kind = ? AND resolved_at IS NOT NULL";
    private static final String RESOLVE = "UPDATE budget_alert SET resolved_at = ?"
            + " WHERE tenant_id = ? AND period = ? AND kind = ? AND resolved_at IS NULL RETURNING budget";
    private static final String ACTIVE = "SELECT tenant_id, kind, fired_at, observed, budget FROM budget_alert"
            + " WHERE period = ? AND resolved_at IS NULL";
    private static final String ACTIVE_OF = ACTIVE + " AND tenant_id = ?";

    /** The kinds active (fired, not resolved) for the department's month. */
    public Set<BudgetAlertKind> activeKinds(Connection connection, TenantId tenant, YearMonth month)
            throws SQLException {
        try (var states = connection.prepareStatement(STATES)) {
            states.setString(1, tenant.value());
            states.setDate(2, Date.valueOf(month.atDay(1)));
            try (var result = states.executeQuery()) {
                var kinds = EnumSet.noneOf(BudgetAlertKind.class);
                while (result.next()) {
                    kinds.add(BudgetAlertKind.valueOf(result.getString(1)));
                }
                return kinds;
            }
        }
    }

    /** Fires the alert unless it is active; true when this call fired it. */
    public boolean fire(
            Connection connection,
            TenantId tenant,
            YearMonth month,
            BudgetAlertKind kind,
            BigDecimal observed,
            BigDecimal budget,
            Instant at)
            throws SQLException {
        try (var first = connection.prepareStatement(FIRE_FIRST)) {
            key(first, 1, tenant, month, kind);
            first.setTimestamp(4, Timestamp.from(at));
            first.setBigDecimal(5, observed);
            first.setBigDecimal(6, budget);
            if (first.executeUpdate() == 1) {
                return true;
            }
        }
        try (var again = connection.prepareStatement(FIRE_AGAIN)) {
            again.setTimestamp(1, Timestamp.from(at));
            again.setBigDecimal(2, observed);
            again.setBigDecimal(3, budget);
            key(again, 4, tenant, month, kind);
            return again.executeUpdate() == 1;
        }
    }

    /** Resolves the alert if it is active; the budget it fired at when this call resolved it. */
    public Optional<BigDecimal> resolve(
            Connection connection, TenantId tenant, YearMonth month, BudgetAlertKind kind, Instant at)
            throws SQLException {
        try (var resolve = connection.prepareStatement(RESOLVE)) {
            resolve.setTimestamp(1, Timestamp.from(at));
            key(resolve, 2, tenant, month, kind);
            try (var result = resolve.executeQuery()) {
                return result.next() ? Optional.of(result.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** The department's active alerts in the month, each as its last firing, in the order of the kinds. */
    public List<BudgetAlert> active(Connection connection, TenantId tenant, YearMonth month) throws SQLException {
        try (var active = connection.prepareStatement(ACTIVE_OF)) {
            active.setDate(1, Date.valueOf(month.atDay(1)));
            active.setString(2, tenant.value());
            return alerts(active, month);
        }
    }

    /** Every department's active alerts in the month, by department, then in the order of the kinds. */
    public List<BudgetAlert> activeEverywhere(Connection connection, YearMonth month) throws SQLException {
        try (var active = connection.prepareStatement(ACTIVE)) {
            active.setDate(1, Date.valueOf(month.atDay(1)));
            return alerts(active, month);
        }
    }

    private static List<BudgetAlert> alerts(PreparedStatement query, YearMonth month) throws SQLException {
        var alerts = new ArrayList<BudgetAlert>();
        try (var result = query.executeQuery()) {
            while (result.next()) {
                alerts.add(new BudgetAlert(
                        new TenantId(result.getString(1)),
                        month,
                        BudgetAlertKind.valueOf(result.getString(2)),
                        AlertEvent.FIRED,
                        result.getTimestamp(3).toInstant(),
                        result.getBigDecimal(4),
                        result.getBigDecimal(5)));
            }
        }
        alerts.sort(Comparator.comparing((BudgetAlert alert) -> alert.tenant().value())
                .thenComparing(BudgetAlert::kind));
        return alerts;
    }

    private static void key(
            PreparedStatement statement, int first, TenantId tenant, YearMonth month, BudgetAlertKind kind)
            throws SQLException {
        statement.setString(first, tenant.value());
        statement.setDate(first + 1, Date.valueOf(month.atDay(1)));
        statement.setString(first + 2, kind.name());
    }
}
