package org.citymaas.billing.exports.control;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.billing.exports.entity.JournalAccounts;
import org.citymaas.billing.exports.entity.JournalColumn;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementStatus;

/**
 * The month's journal for the finance system, in {@link JournalColumn} order: one line per department
 * debiting its cost centre on the expense account with its statement's total, then the platform's
 * balancing line crediting the recovery account with the negative sum, so the amounts add up to zero.
 */
public final class JournalEntries {

    private JournalEntries() {}

    /** The journal lines of {@code statements} (one per department, as selected), then the balancing line. */
    public static List<List<String>> rows(YearMonth month, List<Statement> statements, JournalAccounts accounts) {
        var rows = new ArrayList<List<String>>();
        var total = BigDecimal.ZERO.setScale(2);
        for (var statement : statements) {
            total = total.add(statement.total());
            rows.add(List.of(
                    month.toString(),
                    statement.account().costCentre(),
                    accounts.expenseAccount(),
                    statement.total().toPlainString(),
                    FocusRecords.CURRENCY,
                    statement.status() == StatementStatus.ISSUED ? statement.number() : "",
                    statement.account().nameZh()));
        }
        rows.add(List.of(
                month.toString(),
                accounts.platformCostCentre(),
                accounts.recoveryAccount(),
                total.negate().toPlainString(),
                FocusRecords.CURRENCY,
                "",
                accounts.platformName()));
        return rows;
    }
}
