package org.citymaas.billing.documents.control;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.billing.documents.control.Table.Column;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementLine;

/**
 * The audit evidence a statement cites: the signed checkpoint that covers its last usage (sequence number
 * and chain head hash), one sentence on how to verify it, and per line the requests counted and the digest
 * of their request ids, which anyone holding the verified log can recompute.
 */
final class AuditSection {

    private static final float SIZE = 8;
    private static final float LEADING = 11;

    private static final List<Column> COLUMNS = List.of(
            new Column("行", "No.", 20, true),
            new Column("请求数", "Requests", 50, true),
            new Column("请求号摘要 (SHA-256)", "Request-id digest", 292, false),
            new Column("最后请求", "Last request", 93, false),
            new Column("检查点", "Checkpoint", 60, true));

    private final Sheet sheet;

    AuditSection(Sheet sheet) {
        this.sheet = sheet;
    }

    /** Draws the section, starting at the cursor. */
    void draw(Statement statement) throws IOException {
        heading("审计检查点  Audit checkpoint");
        var checkpoint = statement.checkpoint();
        if (checkpoint == null) {
            paragraph(Color.BLACK, "尚无已签名的检查点覆盖本账单的用量；出具前会有。");
            paragraph(
                    Color.BLACK,
                    "No signed audit checkpoint covers this statement's usage yet; one will before it is issued.");
        } else {
            paragraph(Color.BLACK, "序号 Sequence  " + checkpoint.seq());
            paragraph(Color.BLACK, "链头哈希 Head hash  " + checkpoint.headHash());
            sheet.down(3);
            paragraph(
                    Color.DARK_GRAY,
                    "核验：导出覆盖序号 %d 的审计证据包，以平台公钥运行 java -jar citymaas-audit-verifier.jar --trusted-key 公钥.pem 证据包.zip，结果应为 OK，且第 %d 号检查点签署的链头哈希与上面相同。"
                            .formatted(checkpoint.seq(), checkpoint.seq()));
            paragraph(
                    Color.DARK_GRAY,
                    "To verify: export the audit evidence bundle covering sequence %d and run java -jar citymaas-audit-verifier.jar --trusted-key platform-key.pem evidence.zip; it must report OK, and checkpoint %d must have signed the head hash above."
                            .formatted(checkpoint.seq(), checkpoint.seq()));
        }
        if (!statement.lines().isEmpty()) {
            heading("用量引用  Usage cited by each line");
            paragraph(
                    Color.DARK_GRAY,
                    "请求号摘要为该行请求号排序后逐个加换行（UTF-8）的 SHA-256，持有已核验日志者可重算。 The digest is SHA-256 over the line's request ids, sorted, each followed by a line feed (UTF-8): anyone holding the verified log can recompute it.");
            sheet.down(4);
            var rows = new ArrayList<List<List<String>>>();
            for (var line : statement.lines()) {
                rows.add(citation(line));
            }
            new Table(sheet, COLUMNS).draw(rows);
        }
    }

    private static List<List<String>> citation(StatementLine line) {
        var cited = line.citation();
        return List.of(
                List.of(String.valueOf(line.lineNo())),
                List.of("%,d".formatted(cited.requests())),
                List.of(cited.requestIdsDigest()),
                List.of(cited.lastRequestId() == null ? "—" : cited.lastRequestId()),
                List.of(cited.checkpointSeq() == null ? "—" : String.valueOf(cited.checkpointSeq())));
    }

    private void heading(String text) throws IOException {
        sheet.need(40);
        sheet.down(8);
        sheet.text(Sheet.LEFT, sheet.y() - 10, 10.5f, Color.BLACK, text);
        sheet.down(16);
    }

    private void paragraph(Color color, String text) throws IOException {
        for (var line : sheet.wrap(text, SIZE, Sheet.WIDTH)) {
            sheet.need(LEADING);
            sheet.text(Sheet.LEFT, sheet.y() - SIZE, SIZE, color, line);
            sheet.down(LEADING);
        }
    }
}
