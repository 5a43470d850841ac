package org.citymaas.portal.audit.control;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.DepartmentActivity;
import org.citymaas.security.audit.entity.Verification;

/**
 * One department's month as the audit log tells it, ready to print.
 *
 * @param nameZh the department's Chinese name
 * @param nameEn its English name
 * @param month the calendar month in Asia/Shanghai
 * @param activity the counts and administrative changes of the month
 * @param verification the verdict on the chain range the month's events span, empty when it has none
 * @param checkpoint the signed checkpoint that covers the range's end, empty when it has none
 * @param generatedAt when the report was made
 * @param generatedBy the auditor who asked for it
 */
public record MonthlyReport(
        String nameZh,
        String nameEn,
        YearMonth month,
        DepartmentActivity activity,
        Optional<Verification> verification,
        Optional<Checkpoint> checkpoint,
        Instant generatedAt,
        String generatedBy) {

    public MonthlyReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The file name: {@code audit-report-<department>-<YYYY-MM>.pdf}. */
    public String fileName() {
        return "audit-report-" + activity.department().value() + "-" + month + ".pdf";
    }
}
