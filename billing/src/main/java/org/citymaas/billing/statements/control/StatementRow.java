package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.citymaas.tenant.departments.entity.TenantId;

/** A statement row as read, before its lines are: a statement's total is checked against its lines. */
record StatementRow(
        UUID id,
        BillingAccount account,
        YearMonth month,
        StatementStatus status,
        String number,
        BigDecimal total,
        Statement.CheckpointRef checkpoint,
        Instant computedAt,
        Instant issuedAt,
        Statement.Review review,
        String voidReason) {

    Statement with(List<StatementLine> lines) {
        return new Statement(
                id, account, month, status, number, lines, total, checkpoint, computedAt, issuedAt, review, voidReason);
    }

    static StatementRow read(ResultSet result) throws SQLException {
        var account = new BillingAccount(
                new TenantId(result.getString(2)),
                result.getString(6),
                result.getString(7),
                result.getString(8),
                result.getString(9));
        var checkpointSeq = result.getObject(11, Long.class);
        var issuedAt = result.getTimestamp(14);
        var accepted = result.getObject(15, Boolean.class);
        return new StatementRow(
                result.getObject(1, UUID.class),
                account,
                YearMonth.from(result.getDate(3).toLocalDate()),
                StatementStatus.valueOf(result.getString(4)),
                result.getString(5),
                result.getBigDecimal(10),
                checkpointSeq == null ? null : new Statement.CheckpointRef(checkpointSeq, result.getString(12)),
                result.getTimestamp(13).toInstant(),
                issuedAt == null ? null : issuedAt.toInstant(),
                accepted == null
                        ? null
                        : new Statement.Review(
                                accepted,
                                result.getString(16),
                                result.getString(17),
                                result.getTimestamp(18).toInstant()),
                result.getString(19));
    }
}
