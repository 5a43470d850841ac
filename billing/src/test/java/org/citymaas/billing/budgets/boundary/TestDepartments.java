package org.citymaas.billing.budgets.boundary;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.tenant.departments.entity.TenantId;

/** Departments that the budget tests create for themselves, one per test. */
final class TestDepartments {

    private TestDepartments() {}

    static TenantId create(DataSource app) throws SQLException {
        var slug = "budget-" + UUID.randomUUID().toString().substring(0, 8);
        try (var connection = app.getConnection();
                var insert = connection.prepareStatement("INSERT INTO department (id, slug, name_zh, name_en, status,"
                        + " created_at) VALUES (?, ?, '预算测试局', 'Budget test bureau', 'ACTIVE', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return new TenantId(slug);
    }
}
