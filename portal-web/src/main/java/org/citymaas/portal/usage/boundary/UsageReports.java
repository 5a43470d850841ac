package org.citymaas.portal.usage.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * A department's usage report for the API and the usage page alike. A tenant admin sees their own
 * department only (any other answers 404, as for the department itself); a platform admin names one.
 */
@ApplicationScoped
public class UsageReports {

    @Inject
    UsageEvents usage;

    @Inject
    Departments departments;

    private final Clock clock = Clock.systemUTC();

    /** The month it is now in the city. */
    public ReportMonth currentMonth() {
        return ReportMonth.current(clock);
    }

    /**
     * The department's usage in the month (YYYY-MM; none: the current month).
     *
     * @param requested the department as the caller named it, if they did
     * @throws InvalidParameterException a bad month, or a platform admin who named no department
     * @throws DepartmentNotFoundException a department the caller may not see, or none at all
     */
    public UsageReportView report(Caller caller, String month, String requested) {
        var reportMonth = ReportMonth.parse(month, currentMonth());
        var tenant = visibleDepartment(caller, requested);
        return UsageReportView.of(usage.month(tenant, reportMonth.month()), months(tenant));
    }

    /** The department's usage in the month, for the CSV export and the page. */
    public MonthlyUsage usage(Caller caller, String month, String requested) {
        var reportMonth = ReportMonth.parse(month, currentMonth());
        return usage.month(visibleDepartment(caller, requested), reportMonth.month());
    }

    /** The months with usage and the current one, newest first. */
    public List<YearMonth> months(TenantId tenant) {
        return usage.months(tenant, currentMonth().month());
    }

    /**
     * The department the caller asked for (as they named it, if they did), if they may see it.
     *
     * @throws DepartmentNotFoundException another department (for a tenant admin), or an unknown one
     */
    public TenantId visibleDepartment(Caller caller, String requested) {
        var wanted = requested == null || requested.isBlank() ? null : requested.strip();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            var own = caller.tenant();
            if (own == null || (wanted != null && !wanted.equals(own.value()))) {
                throw DepartmentNotFoundException.named(wanted == null ? "(none)" : wanted);
            }
            wanted = own.value();
        } else if (wanted == null) {
            throw new InvalidParameterException("department", "name the department whose usage to show");
        }
        var tenant = DepartmentIds.parse(wanted);
        if (departments.find(tenant).isEmpty()) {
            throw new DepartmentNotFoundException(tenant);
        }
        return tenant;
    }
}
