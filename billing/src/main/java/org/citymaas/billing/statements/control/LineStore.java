package org.citymaas.billing.statements.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.citymaas.billing.pricing.entity.ChargeModel;
import org.citymaas.billing.pricing.entity.TierCharge;
import org.citymaas.billing.pricing.entity.Unit;
import org.citymaas.billing.statements.entity.StatementLine;
import org.citymaas.billing.statements.entity.StatementLineKind;
import org.citymaas.billing.statements.entity.UsageCitation;

/**
 * Reads and writes statement lines and their tiers ({@code statement_line}, {@code statement_line_tier}).
 * The database lets lines change only while their statement is a DRAFT.
 */
final class LineStore {

    private static final String DELETE_TIERS = "DELETE FROM statement_line_tier WHERE statement_id = ?";
    private static final String DELETE_LINES = "DELETE FROM statement_line WHERE statement_id = ?";
    private static final String INSERT_LINE = "INSERT INTO statement_line (statement_id, line_no, kind, model,"
            + " model_version, unit, charge_model, list_unit_price, quantity, free_quantity, amount, rounded, rows,"
            + " compute_ms, device, usage_month, corrects, requests, request_ids_digest, last_request_id,"
            + " checkpoint_seq, checkpoint_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TIER = "INSERT INTO statement_line_tier (statement_id, line_no, tier_no,"
            + " quantity, unit_price, flat_fee, amount) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String LINES = "SELECT statement_id, line_no, kind, model, model_version, unit, charge_model,"
            + " list_unit_price, quantity, free_quantity, amount, rounded, rows, compute_ms, device, usage_month,"
            + " corrects, requests, request_ids_digest, last_request_id, checkpoint_seq, checkpoint_hash"
            + " FROM statement_line WHERE statement_id = ANY (?) ORDER BY statement_id, line_no";
    private static final String TIERS = "SELECT statement_id, line_no, tier_no, quantity, unit_price, flat_fee, amount"
            + " FROM statement_line_tier WHERE statement_id = ANY (?) ORDER BY statement_id, line_no, tier_no";

    /** Replaces the lines of a DRAFT. */
    void replace(Connection connection, UUID statement, List<StatementLine> lines) throws SQLException {
        for (var sql : List.of(DELETE_TIERS, DELETE_LINES)) {
            try (var delete = connection.prepareStatement(sql)) {
                delete.setObject(1, statement);
                delete.executeUpdate();
            }
        }
        try (var insert = connection.prepareStatement(INSERT_LINE);
                var tiers = connection.prepareStatement(INSERT_TIER)) {
            for (var line : lines) {
                bind(insert, statement, line);
                insert.addBatch();
                for (var tier : line.tiers()) {
                    tiers.setObject(1, statement);
                    tiers.setInt(2, line.lineNo());
                    tiers.setInt(3, tier.tier());
                    tiers.setBigDecimal(4, tier.quantity());
                    tiers.setBigDecimal(5, tier.unitPrice());
                    tiers.setBigDecimal(6, tier.flatFee());
                    tiers.setBigDecimal(7, tier.amount());
                    tiers.addBatch();
                }
            }
            insert.executeBatch();
            tiers.executeBatch();
        }
    }

    /** The lines of the statements, by statement id; a statement without lines is absent. */
    Map<UUID, List<StatementLine>> lines(Connection connection, Collection<UUID> statements) throws SQLException {
        var ids = connection.createArrayOf("uuid", statements.toArray());
        var tiers = new HashMap<String, List<TierCharge>>();
        try (var query = connection.prepareStatement(TIERS)) {
            query.setArray(1, ids);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    tiers.computeIfAbsent(result.getString(1) + "/" + result.getInt(2), k -> new ArrayList<>())
                            .add(new TierCharge(
                                    result.getInt(3),
                                    result.getBigDecimal(4),
                                    result.getBigDecimal(5),
                                    result.getBigDecimal(6),
                                    result.getBigDecimal(7)));
                }
            }
        }
        var lines = new HashMap<UUID, List<StatementLine>>();
        try (var query = connection.prepareStatement(LINES)) {
            query.setArray(1, ids);
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    var id = result.getObject(1, UUID.class);
                    lines.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(line(result, tiers.getOrDefault(id + "/" + result.getInt(2), List.of())));
                }
            }
        }
        return lines;
    }

    private static void bind(PreparedStatement insert, UUID statement, StatementLine line) throws SQLException {
        var citation = line.citation();
        insert.setObject(1, statement);
        insert.setInt(2, line.lineNo());
        insert.setString(3, line.kind().name());
        insert.setString(4, line.model());
        insert.setString(5, line.modelVersion());
        insert.setString(6, line.unit() == null ? null : line.unit().name());
        insert.setString(
                7, line.chargeModel() == null ? null : line.chargeModel().name());
        insert.setObject(8, line.listUnitPrice(), Types.NUMERIC);
        insert.setBigDecimal(9, line.quantity());
        insert.setBigDecimal(10, line.freeQuantity());
        insert.setBigDecimal(11, line.amount());
        insert.setBigDecimal(12, line.rounded());
        insert.setLong(13, line.rows());
        insert.setBigDecimal(14, line.computeMillis());
        insert.setString(15, line.device());
        insert.setDate(16, Date.valueOf(line.usageMonth().atDay(1)));
        insert.setString(17, line.corrects());
        insert.setLong(18, citation.requests());
        insert.setString(19, citation.requestIdsDigest());
        insert.setString(20, citation.lastRequestId());
        insert.setObject(21, citation.checkpointSeq(), Types.BIGINT);
        insert.setString(22, citation.checkpointHash());
    }

    private static StatementLine line(ResultSet result, List<TierCharge> tiers) throws SQLException {
        var unit = result.getString(6);
        var chargeModel = result.getString(7);
        var checkpointSeq = result.getObject(21, Long.class);
        return new StatementLine(
                result.getInt(2),
                StatementLineKind.valueOf(result.getString(3)),
                result.getString(4),
                result.getString(5),
                unit == null ? null : Unit.valueOf(unit),
                chargeModel == null ? null : ChargeModel.valueOf(chargeModel),
                result.getBigDecimal(8),
                result.getBigDecimal(9),
                result.getBigDecimal(10),
                tiers,
                result.getBigDecimal(11),
                result.getBigDecimal(12),
                result.getLong(13),
                result.getBigDecimal(14),
                result.getString(15),
                YearMonth.from(result.getDate(16).toLocalDate()),
                result.getString(17),
                new UsageCitation(
                        result.getLong(18),
                        result.getString(19),
                        result.getString(20),
                        checkpointSeq,
                        result.getString(22)));
    }
}
