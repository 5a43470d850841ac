package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import java.util.regex.Pattern;

/**
 * A page's view parameter, judged before the page uses it: missing, malformed (the wrong shape, or too
 * long, or with a character no name has) or well-formed. Pages answer the first two with 400 and their own
 * message, and a well-formed name of nothing they can show with 404.
 */
enum PageParameter {
    MISSING,
    MALFORMED,
    WELL_FORMED;

    /** A catalog model's name, as the subscriptions API takes it. */
    static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    /** A department's id. */
    static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** A month, YYYY-MM (whether it is a month the report covers is the report's to say). */
    static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** A batch job's id, a UUID. */
    static final Pattern JOB =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static PageParameter judge(String value, Pattern shape) {
        if (value == null || value.isEmpty()) {
            return MISSING;
        }
        return value.length() <= 200 && shape.matcher(value).matches() ? WELL_FORMED : MALFORMED;
    }

    /** Answers the page with a status (the page itself still renders, with its own message). */
    static void status(int status) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }
}
