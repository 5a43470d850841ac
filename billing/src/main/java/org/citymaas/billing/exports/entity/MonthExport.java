package org.citymaas.billing.exports.entity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A month's finance exports: the FOCUS cost and usage table and the journal, made from the same
 * statements.
 *
 * @param month the month exported (Asia/Shanghai)
 * @param kind final (issued statements only) or preview
 * @param focus one FOCUS-shaped record per statement line
 * @param journal one line per department and the platform's balancing line
 * @param billedTotal the sum of the statements' totals, which the BilledCost column adds up to, scale 2
 * @param statementNumbers the numbers of the issued statements exported, in file order (empty on a
 *     preview of a month not yet issued)
 */
public record MonthExport(
        YearMonth month,
        ExportKind kind,
        ExportTable focus,
        ExportTable journal,
        BigDecimal billedTotal,
        List<String> statementNumbers) {

    public MonthExport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(focus, "FOCUS table");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(billedTotal, "billed total");
        statementNumbers = List.copyOf(statementNumbers);
        if (!focus.month().equals(month) || !journal.month().equals(month)) {
            throw new IllegalArgumentException("both tables of " + month + "'s export are of " + month);
        }
        if (focus.kind() != kind || journal.kind() != kind) {
            throw new IllegalArgumentException("both tables of a " + kind + " export are " + kind);
        }
    }

    /** Whether finance may book it: final exports only; a preview is for looking. */
    public boolean isFinal() {
        return kind == ExportKind.FINAL;
    }
}
