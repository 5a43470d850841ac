package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.portal.audit.boundary.MonthlyReports;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.usage.control.ReportMonth;
import org.citymaas.tenant.departments.boundary.Departments;

/**
 * The auditors' monthly report page: pick a department and a month, download the PDF (the same file as
 * {@code GET /api/v1/audit/reports/monthly}, audited the same way) over the browser's session. The choice
 * is in the address ({@code ?department=&month=&download=pdf}); a bad one answers 400 with the page's
 * message and nothing downloaded.
 */
@Named
@RequestScoped
public class AuditReportPage {

    @Inject
    MonthlyReports reports;

    @Inject
    Departments departments;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Language language;

    private String department;
    private String month;
    private String download;
    private String error;

    /** Sends the PDF when the address asks for it; otherwise the form, with last month chosen. */
    public void load() throws IOException {
        if (download == null || download.isEmpty()) {
            if (month == null || month.isEmpty()) {
                month = ReportMonth.current(Clock.systemUTC())
                        .month()
                        .minusMonths(1)
                        .toString();
            }
            return;
        }
        try {
            var file = reports.monthly(currentCaller.get(), department, month);
            var faces = FacesContext.getCurrentInstance();
            var external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType("application/pdf");
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
            file.body().write(external.getResponseOutputStream());
            faces.responseComplete();
        } catch (InvalidParameterException e) {
            var current = ReportMonth.current(Clock.systemUTC());
            error = MessageFormat.format(text().getString("auditReport.error." + e.parameter()), current);
            if ("department".equals(e.parameter())) {
                department = null;
            } else {
                month = null;
            }
            PageParameter.status(400);
        }
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** Every department, by id. */
    public List<DepartmentRow> getDepartments() {
        return departments.list().stream()
                .map(DepartmentView::of)
                .map(DepartmentRow::new)
                .toList();
    }

    public String getError() {
        return error;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getDownload() {
        return download;
    }

    public void setDownload(String download) {
        this.download = download;
    }
}
