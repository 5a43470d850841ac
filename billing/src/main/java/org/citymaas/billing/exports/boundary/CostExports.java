package org.citymaas.billing.exports.boundary;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.citymaas.billing.exports.control.ExportSelection;
import org.citymaas.billing.exports.control.FocusRecords;
import org.citymaas.billing.exports.control.JournalEntries;
import org.citymaas.billing.exports.entity.ExportKind;
import org.citymaas.billing.exports.entity.ExportTable;
import org.citymaas.billing.exports.entity.FocusColumn;
import org.citymaas.billing.exports.entity.JournalAccounts;
import org.citymaas.billing.exports.entity.JournalColumn;
import org.citymaas.billing.exports.entity.MonthExport;
import org.citymaas.billing.statements.entity.Statement;

/**
 * Makes a month's finance exports from its statements: the FOCUS-shaped cost and usage table (one
 * record per statement line) and the journal (one line per department and the platform's balancing
 * line). Plain Java with no state but the journal's accounts; the portal reads the statements, writes
 * the tables as CSV and JSON Lines and signs the files.
 */
public final class CostExports {

    private final JournalAccounts accounts;

    /** Exports whose journal posts to {@code accounts}. */
    public CostExports(JournalAccounts accounts) {
        this.accounts = Objects.requireNonNull(accounts, "journal accounts");
    }

    /** Exports whose journal posts to the placeholder {@link JournalAccounts#DEFAULTS}. */
    public CostExports() {
        this(JournalAccounts.DEFAULTS);
    }

    /**
     * The exports of {@code month}. {@code statements} are the month's statements, of every
     * department; void ones are left out.
     *
     * @throws org.citymaas.billing.errors.ExportRefusedException when a statement is of another month,
     *     a department has two statements that are not void, nothing is left to export, or (final
     *     only) a statement of the month is still open or draft
     */
    public MonthExport export(YearMonth month, ExportKind kind, List<Statement> statements) {
        var selected = ExportSelection.select(month, kind, statements);
        var suffix = "-" + month + (kind == ExportKind.PREVIEW ? "-preview" : "");
        var focus = new ExportTable(
                "citymaas-focus" + suffix, month, kind, FocusColumn.headers(), FocusRecords.rows(selected));
        var journal = new ExportTable(
                "citymaas-journal" + suffix,
                month,
                kind,
                JournalColumn.headers(),
                JournalEntries.rows(month, selected, accounts));
        var total = selected.stream().map(Statement::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var numbers = selected.stream()
                .map(Statement::number)
                .filter(Objects::nonNull)
                .toList();
        return new MonthExport(month, kind, focus, journal, total, numbers);
    }

    /** The accounts the journal posts to. */
    public JournalAccounts accounts() {
        return accounts;
    }
}
