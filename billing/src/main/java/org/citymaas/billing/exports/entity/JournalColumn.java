package org.citymaas.billing.exports.entity;

import java.util.Arrays;
import java.util.List;

/** The columns of the journal-entry export for the finance system, in file order. */
public enum JournalColumn {
    PERIOD("Period"),
    COST_CENTRE("CostCentre"),
    ACCOUNT("Account"),
    AMOUNT("Amount"),
    CURRENCY("Currency"),
    STATEMENT_NUMBER("StatementNumber"),
    DEPARTMENT("Department");

    private final String header;

    JournalColumn(String header) {
        this.header = header;
    }

    /** The column's name in the header row. */
    public String header() {
        return header;
    }

    /** Every header, in file order. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(JournalColumn::header).toList();
    }
}
