package org.citymaas.billing.budgets.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citymaas.billing.budgets.entity.Budget;
import org.citymaas.billing.budgets.entity.EnforcementMode;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Keeps each department's current budget, one row per department (its history is the audit log, which
 * the portal writes at every change). Works on the caller's connection, inside its transaction.
 */
public final class BudgetStore {

    private static final String COLUMNS =
            "SELECT tenant_id, monthly_limit, enforcement, set_by, set_at" + " FROM department_budget";
    private static final String FIND = COLUMNS + " WHERE tenant_id = ?";
    private static final String ALL = COLUMNS + " ORDER BY tenant_id";
    private static final String SAVE = "INSERT INTO department_budget (tenant_id, monthly_limit, enforcement,"
            + " set_by, set_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET"
            + " monthly_limit = EXCLUDED.monthly_limit, enforcement = EXCLUDED.enforcement,"
            + " set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at";
    private static final String CLEAR = "DELETE FROM department_budget WHERE tenant_id = ?";

    /** Sets the department's budget, replacing the one it had. */
    public void save(Connection connection, Budget budget) throws SQLException {
        try (var save = connection.prepareStatement(SAVE)) {
            save.setString(1, budget.tenant().value());
            save.setBigDecimal(2, budget.monthlyLimit());
            save.setString(3, budget.mode().name());
            save.setString(4, budget.setBy());
            save.setTimestamp(5, Timestamp.from(budget.setAt()));
            save.executeUpdate();
        }
    }

    /** Removes the department's budget; false when it had none. */
    public boolean clear(Connection connection, TenantId tenant) throws SQLException {
        try (var clear = connection.prepareStatement(CLEAR)) {
            clear.setString(1, tenant.value());
            return clear.executeUpdate() == 1;
        }
    }

    /** The department's budget: one read by primary key. */
    public Optional<Budget> find(Connection connection, TenantId tenant) throws SQLException {
        try (var find = connection.prepareStatement(FIND)) {
            find.setString(1, tenant.value());
            try (var result = find.executeQuery()) {
                return result.next() ? Optional.of(budget(result)) : Optional.empty();
            }
        }
    }

    /** Every department's budget, by department. */
    public List<Budget> all(Connection connection) throws SQLException {
        try (var all = connection.prepareStatement(ALL);
                var result = all.executeQuery()) {
            var budgets = new ArrayList<Budget>();
            while (result.next()) {
                budgets.add(budget(result));
            }
            return budgets;
        }
    }

    private static Budget budget(ResultSet result) throws SQLException {
        return new Budget(
                new TenantId(result.getString(1)),
                result.getBigDecimal(2),
                EnforcementMode.valueOf(result.getString(3)),
                result.getString(4),
                result.getTimestamp(5).toInstant());
    }
}
