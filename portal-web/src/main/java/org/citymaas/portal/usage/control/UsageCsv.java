package org.citymaas.portal.usage.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.portal.exports.control.SpreadsheetCsv;

/**
 * A month's usage as CSV (RFC 4180): one record per day and model, then one {@code total} record per
 * model. UTF-8 with a byte order mark, so that spreadsheet programs read the text right; written by
 * {@link SpreadsheetCsv}, as every CSV of the portal is.
 */
public final class UsageCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"department", "month", "day", "model", "requests", "rows", "compute_ms"};
    static final String TOTAL = "total";

    private UsageCsv() {}

    /** The file name an export is saved under, e.g. {@code usage-transport-2026-11.csv}. */
    public static String filename(MonthlyUsage usage) {
        return "usage-" + usage.tenant() + "-" + usage.month() + ".csv";
    }

    /** Writes the month to the stream, leaving it open. */
    public static void write(MonthlyUsage usage, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = SpreadsheetCsv.forSpreadsheets(writer);
        csv.row((Object[]) HEADER);
        var department = usage.tenant().value();
        var month = usage.month().toString();
        for (var day : usage.days()) {
            csv.row(
                    department,
                    month,
                    day.day(),
                    day.model(),
                    day.requests(),
                    day.rows(),
                    day.computeMillis().toPlainString());
        }
        for (var total : usage.totals()) {
            csv.row(
                    department,
                    month,
                    TOTAL,
                    total.model(),
                    total.requests(),
                    total.rows(),
                    total.computeMillis().toPlainString());
        }
        csv.flush();
    }
}
