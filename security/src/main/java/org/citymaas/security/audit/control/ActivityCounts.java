package org.citymaas.security.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.citymaas.security.audit.entity.DepartmentActivity;
import org.citymaas.security.audit.entity.DepartmentActivity.ActivityCount;
import org.citymaas.security.audit.entity.DepartmentActivity.AdminChange;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Counts a department's events in a time window in the database (one GROUP BY over the window, read
 * through the time index, never the events themselves) and lists its administrative changes up to a
 * limit. Both statements read one snapshot when the caller's connection is in a repeatable-read
 * transaction; otherwise events appended between them may show in the second only.
 */
public final class ActivityCounts {

    /** The department's events: its own, and those done to it (resource {@code tenants/<id>} and below). */
    private static final String OF_DEPARTMENT = " FROM audit_event WHERE occurred_at >= ? AND occurred_at < ?"
            + " AND (tenant = ? OR resource = ? OR starts_with(resource, ?))";

    private static final String COUNTS = "SELECT action, outcome, http_status, count(*), min(seq), max(seq)"
            + OF_DEPARTMENT + " GROUP BY action, outcome, http_status ORDER BY action, outcome, http_status";

    private static final String ADMIN_CHANGES = "SELECT seq, occurred_at, actor, action, resource, outcome,"
            + " http_status" + OF_DEPARTMENT
            + " AND split_part(action, '.', 1) = ANY (?) AND action <> ALL (?) ORDER BY seq LIMIT ?";

    private ActivityCounts() {}

    /** The department's counts in {@code from <= occurred_at < to} and its first {@code limit} admin changes. */
    public static DepartmentActivity of(Connection connection, TenantId department, Instant from, Instant to, int limit)
            throws SQLException {
        var counts = new ArrayList<ActivityCount>();
        Long first = null;
        Long last = null;
        try (var s = connection.prepareStatement(COUNTS)) {
            window(s, department, from, to);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    var status = rows.getInt(3);
                    counts.add(new ActivityCount(
                            rows.getString(1), rows.getString(2), rows.wasNull() ? null : status, rows.getLong(4)));
                    first = first == null ? rows.getLong(5) : Math.min(first, rows.getLong(5));
                    last = last == null ? rows.getLong(6) : Math.max(last, rows.getLong(6));
                }
            }
        }
        var changes = new ArrayList<AdminChange>();
        try (var s = connection.prepareStatement(ADMIN_CHANGES)) {
            var next = window(s, department, from, to);
            s.setArray(next, connection.createArrayOf("text", DepartmentActivity.ADMIN_CATEGORIES.toArray()));
            s.setArray(next + 1, connection.createArrayOf("text", DepartmentActivity.NOT_ADMIN_ACTIONS.toArray()));
            s.setInt(next + 2, limit);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    var status = rows.getInt(7);
                    changes.add(new AdminChange(
                            rows.getLong(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.wasNull() ? null : status));
                }
            }
        }
        return new DepartmentActivity(department, from, to, counts, changes, first, last);
    }

    /** Binds the window and the department; answers the next parameter's index. */
    private static int window(PreparedStatement s, TenantId department, Instant from, Instant to) throws SQLException {
        s.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        s.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        s.setString(3, department.value());
        s.setString(4, "tenants/" + department.value());
        s.setString(5, "tenants/" + department.value() + "/");
        return 6;
    }
}
