package org.citymaas.portal.bench;

import java.util.regex.Pattern;

/**
 * An explanation's answer as the load generator reads it: the status and the model rows it ran
 * ({@code explanation.rows_run}: {@code 2^n} per row for a tabular model, 2 plus the tokens for a complaint).
 * The number is found in the text, without parsing the whole answer, so that reading it costs the
 * load generator, which shares the cores with the portal, next to nothing.
 *
 * @param status the HTTP status (0 for an I/O error)
 * @param rowsRun the rows the answer says it ran, -1 when it does not say (a refusal, another shape)
 */
record ExplainAnswer(int status, long rowsRun) {

    private static final Pattern ROWS_RUN = Pattern.compile("\"rows_run\"\\s*:\\s*(\\d{1,18})(?![\\d.eE])");

    static ExplainAnswer of(int status, String body) {
        return new ExplainAnswer(status, status / 100 == 2 ? rowsRun(body) : -1);
    }

    /** The first {@code "rows_run": <whole number>} of a JSON text, -1 when there is none. */
    static long rowsRun(String body) {
        if (body == null) {
            return -1;
        }
        var matcher = ROWS_RUN.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
