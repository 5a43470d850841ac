package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.citymaas.portal.audit.control.MonthlyReport;
import org.citymaas.portal.audit.control.MonthlyReportPdf;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.entity.Checkpoint;
import org.citymaas.security.audit.entity.Verification;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * The monthly audit report of one department as PDF: its events of a calendar month (Asia/Shanghai)
 * counted by action and outcome, its refusals by outcome and status, its administrative changes, the
 * chain range they span with that range's verification and the signed checkpoint (and key) that covers
 * it. The database counts (GROUP BY), no event is loaded for it but the listed admin changes. Recorded
 * in the audit log (who, which department and month) before anything is read.
 */
@ApplicationScoped
public class MonthlyReports {

    /** The most administrative changes listed one by one (all are counted). */
    static final int LISTED_CHANGES = 500;

    private final Clock clock = Clock.systemUTC();
    private final MonthlyReportPdf pdf = new MonthlyReportPdf();

    @Inject
    AuditLog log;

    @Inject
    AuditTrail trail;

    @Inject
    Departments departments;

    /**
     * The report of the department's month, its counts read now and its PDF written when the answer is.
     *
     * @throws InvalidParameterException no department or an unknown one, no month, not YYYY-MM, or a
     *     month that has not begun
     */
    public AuditDownloads.Download monthly(Caller auditor, String department, String month) {
        var tenant = department(department);
        var named = departments
                .find(tenant)
                .orElseThrow(() -> new InvalidParameterException("department", "no department " + tenant.value()));
        if (month == null || month.isBlank()) {
            throw new InvalidParameterException("month", "a month is written YYYY-MM, e.g. " + current());
        }
        var chosen = ReportMonth.parse(month, current()).month();
        trail.record(AuditTrail.by(auditor)
                .action("audit.report")
                .resource("v1/audit/reports/monthly")
                .outcome("OK", 200)
                .summary("pdf filters {department=[" + tenant.value() + "], month=" + chosen + "}")
                .build());
        var from = chosen.atDay(1).atStartOfDay(QuotaPeriod.CITY_ZONE).toInstant();
        var to = chosen.plusMonths(1)
                .atDay(1)
                .atStartOfDay(QuotaPeriod.CITY_ZONE)
                .toInstant();
        var activity = log.activity(tenant, from, to, LISTED_CHANGES);
        Optional<Verification> verification = Optional.empty();
        Optional<Checkpoint> checkpoint = Optional.empty();
        if (activity.firstSeq() != null) {
            verification = Optional.of(trail.verify(activity.firstSeq(), activity.lastSeq()));
            checkpoint = trail.checkpoints().covering(activity.lastSeq());
        }
        var report = new MonthlyReport(
                named.nameZh(),
                named.nameEn(),
                chosen,
                activity,
                verification,
                checkpoint,
                Instant.now(clock),
                auditor.name());
        return new AuditDownloads.Download(report.fileName(), out -> pdf.write(report, out));
    }

    private ReportMonth current() {
        return ReportMonth.current(clock);
    }

    private static TenantId department(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("department", "a department's id is required");
        }
        var id = text.strip();
        if (!TenantId.isValid(id)) {
            throw new InvalidParameterException("department", "no department has such an id");
        }
        return new TenantId(id);
    }
}
