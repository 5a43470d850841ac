package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citymaas.billing.statements.entity.AccountSettings;
import org.citymaas.tenant.departments.entity.TenantId;

/** Reads and writes {@code billing_account} on the caller's connection. */
public final class AccountStore {

    private static final String UPSERT = "INSERT INTO billing_account (tenant_id, cost_centre, budget_holder,"
            + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET"
            + " cost_centre = EXCLUDED.cost_centre, budget_holder = EXCLUDED.budget_holder,"
            + " updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at";
    private static final String COLUMNS =
            "SELECT tenant_id, cost_centre, budget_holder, updated_by, updated_at FROM billing_account";

    /** Sets the department's cost centre and budget holder. */
    public void set(Connection connection, AccountSettings settings) throws SQLException {
        try (var upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, settings.tenant().value());
            upsert.setString(2, settings.costCentre());
            upsert.setString(3, settings.budgetHolder());
            upsert.setString(4, settings.updatedBy());
            upsert.setTimestamp(5, Timestamp.from(settings.updatedAt()));
            upsert.executeUpdate();
        }
    }

    /** The department's settings, if set. */
    public Optional<AccountSettings> find(Connection connection, TenantId tenant) throws SQLException {
        try (var query = connection.prepareStatement(COLUMNS + " WHERE tenant_id = ?")) {
            query.setString(1, tenant.value());
            try (var result = query.executeQuery()) {
                return result.next() ? Optional.of(settings(result)) : Optional.empty();
            }
        }
    }

    /** Every department's settings, by department. */
    public List<AccountSettings> all(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement(COLUMNS + " ORDER BY tenant_id");
                var result = query.executeQuery()) {
            var all = new ArrayList<AccountSettings>();
            while (result.next()) {
                all.add(settings(result));
            }
            return all;
        }
    }

    private static AccountSettings settings(ResultSet result) throws SQLException {
        return new AccountSettings(
                new TenantId(result.getString(1)),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getTimestamp(5).toInstant());
    }
}
