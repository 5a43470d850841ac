package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What a department's issued months have billed: for each, its statement's number and the highest
 * usage seq billed for it, the greatest high-water mark of its own issued statement and of the issued
 * statements that carry corrections of it. Usage of the month above that mark is not billed yet.
 */
final class BilledMonths {

    /** An issued month: its number and the highest usage seq its statements billed. */
    record IssuedMonth(YearMonth month, String number, long billedThrough) {}

    private static final String ISSUED_BEFORE = "SELECT s.month, s.number, greatest(s.usage_high_water,"
            + " (SELECT max(c.usage_high_water) FROM statement c WHERE c.tenant_id = s.tenant_id"
            + " AND c.status = 'ISSUED' AND EXISTS (SELECT 1 FROM statement_line l WHERE l.statement_id = c.id"
            + " AND l.kind = 'CORRECTION' AND l.usage_month = s.month))) FROM statement s"
            + " WHERE s.tenant_id = ? AND s.status = 'ISSUED' AND s.month < ? ORDER BY s.month";
    /** The department's ISSUED months before {@code month}, oldest first. */
    List<IssuedMonth> before(Connection connection, TenantId tenant, YearMonth month) throws SQLException {
        try (var query = connection.prepareStatement(ISSUED_BEFORE)) {
            query.setString(1, tenant.value());
            query.setDate(2, Date.valueOf(month.atDay(1)));
            try (var result = query.executeQuery()) {
                var issued = new ArrayList<IssuedMonth>();
                while (result.next()) {
                    issued.add(new IssuedMonth(
                            YearMonth.from(result.getDate(1).toLocalDate()), result.getString(2), result.getLong(3)));
                }
                return issued;
            }
        }
    }
}
