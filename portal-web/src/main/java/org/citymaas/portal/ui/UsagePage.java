package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.billing.usage.entity.MonthlyUsage;
import org.citymaas.portal.billing.boundary.BudgetDesk;
import org.citymaas.portal.billing.entity.BudgetView;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.usage.boundary.UsageReports;
import org.citymaas.portal.usage.control.UsageCsv;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * The usage page of tenant and platform admins: a month's usage per model per day as a chart and a
 * table, a month picker, and the CSV export ({@code ?export=csv}, the same file as the API's). The
 * month and department are in the address, so that a page can be bookmarked and keeps them across a
 * language switch.
 */
@Named
@RequestScoped
public class UsagePage {

    @Inject
    UsageReports reports;

    @Inject
    Departments departments;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Language language;

    @Inject
    BudgetDesk budgets;

    private static final Logger LOG = Logger.getLogger(UsagePage.class.getName());

    private String month;
    private String department;
    private String export;
    private MonthlyUsage usage;
    private List<String> months = List.of();
    private String error;
    private BudgetView cost;

    /**
     * Reads the month's usage of the department in the address. A malformed month, department or export
     * answers 400 (the picker still offers the months there are), a department the caller may not see 404.
     */
    public void load() throws IOException {
        var malformed = PageParameter.judge(department, PageParameter.DEPARTMENT) == PageParameter.MALFORMED
                || PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || (export != null && !export.isEmpty() && !"csv".equals(export));
        if (malformed) {
            // never shown back: the pickers offer only real months and departments
            department = null;
            month = null;
            export = null;
        }
        var caller = currentCaller.get();
        if (caller.has(Role.PLATFORM_ADMIN) && (department == null || department.isBlank())) {
            department = departments.list().stream()
                    .map(d -> d.tenantId().value())
                    .findFirst()
                    .orElse(null);
        }
        try {
            var tenant = reports.visibleDepartment(caller, department);
            department = tenant.value();
            months = reports.months(tenant).stream().map(YearMonth::toString).toList();
            if (malformed) {
                error = text().getString("page.parameter.invalid");
                PageParameter.status(400);
                return;
            }
            usage = reports.usage(caller, month, department);
        } catch (InvalidParameterException e) {
            error = MessageFormat.format(text().getString("usage.error." + e.parameter()), reports.currentMonth());
            PageParameter.status(400);
            return;
        } catch (DepartmentNotFoundException e) {
            error = text().getString("usage.error.department");
            PageParameter.status(404);
            return;
        }
        month = usage.month().toString();
        if ("csv".equals(export)) {
            download();
            return;
        }
        if (usage.month().equals(reports.currentMonth().month())) {
            cost = monthToDate(caller);
        }
    }

    /** The month's cost so far, forecast and budget; null, logged, when billing cannot say. */
    private BudgetView monthToDate(Caller caller) {
        try {
            return BudgetView.of(budgets.status(caller, department));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "month-to-date cost left out of the usage page: billing could not be read", e);
            return null;
        }
    }

    private void download() throws IOException {
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(UsageCsv.MEDIA_TYPE + ";charset=utf-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + UsageCsv.filename(usage) + "\"");
        UsageCsv.write(usage, external.getResponseOutputStream());
        faces.responseComplete();
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    public List<UsageRow> getRows() {
        return usage == null
                ? List.of()
                : usage.days().stream().map(UsageRow::of).toList();
    }

    public List<UsageRow> getTotals() {
        return usage == null
                ? List.of()
                : usage.totals().stream().map(UsageRow::total).toList();
    }

    public String getChart() {
        var text = text();
        return usage == null
                ? "{}"
                : UsageChart.config(
                        usage,
                        MessageFormat.format(text.getString("usage.chart.title"), usage.month()),
                        text.getString("usage.requests"));
    }

    /** The departments a platform admin may pick; none for anybody else. */
    public List<DepartmentRow> getDepartments() {
        if (!currentCaller.get().has(Role.PLATFORM_ADMIN)) {
            return List.of();
        }
        return departments.list().stream()
                .map(DepartmentView::of)
                .map(DepartmentRow::new)
                .toList();
    }

    /** The month-to-date cost, forecast and budget of the department, for the current month only. */
    public BudgetView getCost() {
        return cost;
    }

    public boolean isLoaded() {
        return usage != null;
    }

    public String getError() {
        return error;
    }

    public List<String> getMonths() {
        return months;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getExport() {
        return export;
    }

    public void setExport(String export) {
        this.export = export;
    }
}
