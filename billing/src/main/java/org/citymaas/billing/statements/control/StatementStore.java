package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Reads and writes statements ({@code statement} and, through {@link LineStore}, their lines) on the
 * caller's connection. The database refuses any change to an ISSUED or VOID statement but the one
 * move from ISSUED to VOID, and a second statement of a department's month that is not VOID.
 */
public final class StatementStore {

    private static final String COLUMNS = "SELECT id, tenant_id, month, status, number, name_zh, name_en,"
            + " cost_centre, budget_holder, total, checkpoint_seq, checkpoint_hash, computed_at, issued_at,"
            + " review_accepted, review_comment, review_by, review_at, void_reason FROM statement";
    private static final String INSERT = "INSERT INTO statement (id, tenant_id, month, status, name_zh, name_en,"
            + " cost_centre, budget_holder, total, checkpoint_seq, checkpoint_hash, usage_high_water, computed_at)"
            + " VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REFRESH = "UPDATE statement SET name_zh = ?, name_en = ?, cost_centre = ?,"
            + " budget_holder = ?, total = ?, checkpoint_seq = ?, checkpoint_hash = ?, usage_high_water = ?,"
            + " computed_at = ? WHERE id = ? AND status = 'DRAFT'";
    private static final String ISSUE = "UPDATE statement SET status = 'ISSUED', number = ?, issued_at = ?,"
            + " issued_by = ? WHERE id = ? AND status = 'DRAFT'";
    private static final String VOID = "UPDATE statement SET status = 'VOID', void_reason = ?, voided_by = ?,"
            + " voided_at = ? WHERE id = ? AND status = 'ISSUED'";
    private static final String REVIEW = "UPDATE statement SET review_accepted = ?, review_comment = ?,"
            + " review_by = ?, review_at = ? WHERE id = ? AND status = 'DRAFT'";
    private static final String NEXT_NUMBER = "INSERT INTO statement_number (fiscal_year, last_number) VALUES (?, 1)"
            + " ON CONFLICT (fiscal_year) DO UPDATE SET last_number = statement_number.last_number + 1"
            + " RETURNING last_number";

    private final LineStore lines = new LineStore();

    /** The department's statement of the month that is not VOID, if any. */
    public Optional<Statement> current(Connection connection, TenantId tenant, YearMonth month) throws SQLException {
        return first(read(connection, " WHERE tenant_id = ? AND month = ? AND status <> 'VOID'", q -> {
            q.setString(1, tenant.value());
            q.setDate(2, Date.valueOf(month.atDay(1)));
        }));
    }

    /** The statement with the number, if any. */
    public Optional<Statement> byNumber(Connection connection, String number) throws SQLException {
        return first(read(connection, " WHERE number = ?", q -> q.setString(1, number)));
    }

    /** Every statement of the department, void ones included, newest month first. */
    public List<Statement> ofTenant(Connection connection, TenantId tenant) throws SQLException {
        return read(
                connection,
                " WHERE tenant_id = ? ORDER BY month DESC, computed_at DESC",
                q -> q.setString(1, tenant.value()));
    }

    /** Every department's statement of the month that is not VOID, by department. */
    public List<Statement> ofMonth(Connection connection, YearMonth month) throws SQLException {
        return read(
                connection,
                " WHERE month = ? AND status <> 'VOID' ORDER BY tenant_id",
                q -> q.setDate(1, Date.valueOf(month.atDay(1))));
    }

    /** Stores a new DRAFT with its lines. */
    void insertDraft(Connection connection, Statement draft, long highWater) throws SQLException {
        try (var insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, draft.id());
            insert.setString(2, draft.account().tenant().value());
            insert.setDate(3, Date.valueOf(draft.month().atDay(1)));
            bindAccount(insert, 4, draft);
            insert.setLong(11, highWater);
            insert.setTimestamp(12, Timestamp.from(draft.computedAt()));
            insert.executeUpdate();
        }
        lines.replace(connection, draft.id(), draft.lines());
    }

    /** Replaces a DRAFT's account, lines and totals; its review stays. */
    void refreshDraft(Connection connection, Statement draft, long highWater) throws SQLException {
        try (var update = connection.prepareStatement(REFRESH)) {
            bindAccount(update, 1, draft);
            update.setLong(8, highWater);
            update.setTimestamp(9, Timestamp.from(draft.computedAt()));
            update.setObject(10, draft.id());
            requireOne(update.executeUpdate(), draft.id());
        }
        lines.replace(connection, draft.id(), draft.lines());
    }

    void issue(Connection connection, UUID id, String number, Instant at, String by) throws SQLException {
        update(connection, ISSUE, id, q -> {
            q.setString(1, number);
            q.setTimestamp(2, Timestamp.from(at));
            q.setString(3, by);
        });
    }

    void voidIssued(Connection connection, UUID id, String reason, String by, Instant at) throws SQLException {
        update(connection, VOID, id, q -> {
            q.setString(1, reason);
            q.setString(2, by);
            q.setTimestamp(3, Timestamp.from(at));
        });
    }

    void review(Connection connection, UUID id, Statement.Review review) throws SQLException {
        update(connection, REVIEW, id, q -> {
            q.setBoolean(1, review.accepted());
            q.setString(2, review.comment());
            q.setString(3, review.by());
            q.setTimestamp(4, Timestamp.from(review.at()));
        });
    }

    /** The next number of the fiscal year, from its counter row (rolled back with the transaction). */
    int nextNumber(Connection connection, int fiscalYear) throws SQLException {
        try (var next = connection.prepareStatement(NEXT_NUMBER)) {
            next.setInt(1, fiscalYear);
            try (var result = next.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void update(Connection connection, String sql, UUID id, Binder binder) throws SQLException {
        try (var update = connection.prepareStatement(sql)) {
            binder.bind(update);
            update.setObject(update.getParameterMetaData().getParameterCount(), id);
            requireOne(update.executeUpdate(), id);
        }
    }

    private static void requireOne(int updated, UUID id) {
        if (updated != 1) {
            throw new IllegalStateException("statement " + id + " changed status meanwhile");
        }
    }

    private static void bindAccount(PreparedStatement statement, int from, Statement draft) throws SQLException {
        var account = draft.account();
        statement.setString(from, account.nameZh());
        statement.setString(from + 1, account.nameEn());
        statement.setString(from + 2, account.costCentre());
        statement.setString(from + 3, account.budgetHolder());
        statement.setBigDecimal(from + 4, draft.total());
        var checkpoint = draft.checkpoint();
        statement.setObject(from + 5, checkpoint == null ? null : checkpoint.seq(), Types.BIGINT);
        statement.setString(from + 6, checkpoint == null ? null : checkpoint.headHash());
    }

    private static Optional<Statement> first(List<Statement> statements) {
        return statements.stream().findFirst();
    }

    private List<Statement> read(Connection connection, String where, Binder binder) throws SQLException {
        var rows = new LinkedHashMap<UUID, StatementRow>();
        try (var query = connection.prepareStatement(COLUMNS + where)) {
            binder.bind(query);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    var row = StatementRow.read(result);
                    rows.put(row.id(), row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StatementLine>> all = lines.lines(connection, rows.keySet());
        return rows.values().stream()
                .map(r -> r.with(all.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
