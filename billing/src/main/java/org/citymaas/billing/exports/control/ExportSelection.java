package org.citymaas.billing.exports.control;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.citymaas.billing.errors.ExportRefusedException;
import org.citymaas.billing.exports.entity.ExportKind;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.billing.statements.entity.StatementStatus;

/**
 * Which statements an export of a month holds. Void statements never: they were withdrawn. A final
 * export holds issued statements and is refused while any statement of the month is still open or
 * draft, because finance would book an incomplete month; a preview holds every statement that is not
 * void. Either way each department appears once, in the order of its id.
 */
public final class ExportSelection {

    private ExportSelection() {}

    /** The statements of {@code month} that an export of {@code kind} holds, ordered by department id. */
    public static List<Statement> select(YearMonth month, ExportKind kind, List<Statement> statements) {
        for (var statement : statements) {
            if (!statement.month().equals(month)) {
                throw new ExportRefusedException(
                        "the export of " + month + " was given " + describe(statement) + " of " + statement.month());
            }
        }
        if (kind == ExportKind.FINAL) {
            var unclosed = statements.stream()
                    .filter(s -> !s.status().isFinal())
                    .map(s -> s.account().tenant().value() + " (" + s.status() + ")")
                    .sorted()
                    .toList();
            if (!unclosed.isEmpty()) {
                throw new ExportRefusedException(month + " is not closed: " + String.join(", ", unclosed)
                        + " not yet issued; a final export holds issued statements only (preview it instead)");
            }
        }
        var kept = statements.stream()
                .filter(s -> s.status() != StatementStatus.VOID)
                .sorted(Comparator.comparing(
                        (Statement s) -> s.account().tenant().value()))
                .toList();
        var seen = new HashSet<String>();
        for (var statement : kept) {
            if (!seen.add(statement.account().tenant().value())) {
                throw new ExportRefusedException(
                        "department " + statement.account().tenant() + " has more than one" + " statement for " + month
                                + " that is not void");
            }
        }
        if (kept.isEmpty()) {
            throw new ExportRefusedException("there is no " + (kind == ExportKind.FINAL ? "issued " : "")
                    + "statement for " + month + " to export");
        }
        return kept;
    }

    private static String describe(Statement statement) {
        return statement.number() != null
                ? "statement " + statement.number()
                : "the " + statement.status() + " statement of "
                        + statement.account().tenant();
    }
}
